package berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.api.model.ContainerConfig;
import berth.api.model.HostConfig;
import berth.core.errors.Conflict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every ContainerStore must do; each implementation's test extends this. */
abstract class ContainerStoreContract {
  abstract ContainerStore store();

  static ContainerRecord record(String id, String name) {
    return new ContainerRecord(id, name, 42, "sh", List.of("-c", "x"),
        ContainerConfig.builder().image("busybox").env(List.of("A=1")).build(),
        HostConfig.builder().networkMode("none").build(), null, "sha256:abc", "", ContainerRecord.State.created(), 0,
        false, false);
  }

  @Test
  void putGetListDeleteRoundTrip() {
    ContainerStore s = store();
    s.put(record("a1", "/one"));
    s.put(record("b2", "/two").withState(ContainerRecord.State.created().running(7, 99)));
    assertThat(s.get("a1")).contains(record("a1", "/one"));
    assertThat(s.get("b2").orElseThrow().state().pid()).isEqualTo(7);
    assertThat(s.get("b2").orElseThrow().state().status()).isEqualTo(ContainerStatus.RUNNING);
    assertThat(s.list()).hasSize(2);
    s.delete("a1");
    assertThat(s.get("a1")).isEmpty();
    s.delete("a1");
  }

  @Test
  void namesAreUniqueAndRenamesReplace() {
    ContainerStore s = store();
    s.put(record("a1", "/one"));
    assertThatThrownBy(() -> s.put(record("b2", "/one"))).isInstanceOf(Conflict.class);
    s.put(record("a1", "/one").withName("/uno"));
    s.put(record("b2", "/one"));
    assertThat(s.get("a1").orElseThrow().name()).isEqualTo("/uno");
  }

  @Test
  void metaIsKept() {
    ContainerStore s = store();
    assertThat(s.meta("engine-id")).isEmpty();
    s.putMeta("engine-id", "x");
    s.putMeta("engine-id", "y");
    assertThat(s.meta("engine-id")).contains("y");
  }
}
