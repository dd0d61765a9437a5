package berth.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.InvalidArgument;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CapabilitiesTest {
  @ParameterizedTest
  @CsvSource({"net_admin,CAP_NET_ADMIN", "NET_ADMIN,CAP_NET_ADMIN", "CAP_NET_ADMIN,CAP_NET_ADMIN", "cap_sys_admin,CAP_SYS_ADMIN", "all,ALL"})
  void normalizes(String raw, String expected) {
    assertThat(Capabilities.normalize(raw)).isEqualTo(expected);
  }

  @Test
  void unknownCapabilityUsesDockersMessage() {
    assertThatThrownBy(() -> Capabilities.normalize("foo"))
        .isInstanceOf(InvalidArgument.class).hasMessage("unknown capability: \"CAP_FOO\"");
  }

  @Test
  void addAndDropOnDefaults() {
    List<String> caps = Capabilities.resolve(Capabilities.DOCKER_DEFAULT, List.of("NET_ADMIN"), List.of("chown", "MKNOD"), false);
    assertThat(caps).contains("CAP_NET_ADMIN", "CAP_KILL").doesNotContain("CAP_CHOWN", "CAP_MKNOD").hasSize(13);
  }

  @Test
  void allInAddsOrDrops() {
    assertThat(Capabilities.resolve(Capabilities.DOCKER_DEFAULT, List.of("ALL"), List.of("SYS_ADMIN"), false))
        .hasSize(Capabilities.available().size() - 1).doesNotContain("CAP_SYS_ADMIN");
    assertThat(Capabilities.resolve(Capabilities.DOCKER_DEFAULT, List.of("kill"), List.of("all"), false))
        .containsExactly("CAP_KILL");
    assertThat(Capabilities.resolve(Capabilities.DOCKER_DEFAULT, List.of(), List.of(), true)).isEqualTo(Capabilities.available()).contains("CAP_SYS_ADMIN");
    assertThat(Capabilities.ALL).hasSize(41).containsAll(Capabilities.DOCKER_DEFAULT);
  }
}
