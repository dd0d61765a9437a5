package berth.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.Conflict;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VolumeStoreTest {
  @TempDir Path dataRoot;

  @Test
  void createPersistsAndReloads() throws Exception {
    VolumeStore s = new VolumeStore(dataRoot);
    Volume v = s.create("data", null, Map.of("a", "b"), Map.of(), false);
    assertThat(v.mountpoint()).isEqualTo(dataRoot.resolve("volumes/data/_data").toString());
    assertThat(Files.isDirectory(Path.of(v.mountpoint()))).isTrue();
    assertThat(v.driver()).isEqualTo("local");
    assertThat(v.scope()).isEqualTo("local");
    assertThat(v.createdAt()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    Volume again = new VolumeStore(dataRoot).get("data");
    assertThat(again).isEqualTo(v);
  }

  @Test
  void createIsIdempotentAndKeepsFirst() {
    VolumeStore s = new VolumeStore(dataRoot);
    Volume v = s.create("data", "local", Map.of("a", "1"), Map.of(), false);
    assertThat(s.create("data", null, Map.of("a", "2"), Map.of(), false)).isEqualTo(v);
    assertThatThrownBy(() -> s.create("data", "other", null, null, false))
        .isInstanceOf(Conflict.class)
        .hasMessage("driver 'local' already has volume 'data': volume name must be unique");
    assertThatThrownBy(() -> s.create("x2", "other", null, null, false))
        .isInstanceOf(NotFound.class);
  }

  @Test
  void anonymousGetsHexNameAndLabel() {
    Volume v = new VolumeStore(dataRoot).create(null, null, null, null, true);
    assertThat(v.name()).matches("[0-9a-f]{64}");
    assertThat(v.anonymous()).isTrue();
    assertThat(v.labels()).containsEntry(Volume.ANONYMOUS_LABEL, "");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-x", "a/b", "a b", "é1", "_ab"})
  void refusesBadNames(String name) {
    assertThatThrownBy(() -> new VolumeStore(dataRoot).create(name, null, null, null, false))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("create " + name + ": \"" + name + "\" includes invalid characters for a local volume name,"
            + " only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed. If you intended to pass a host"
            + " directory, use absolute path");
  }

  @Test
  void refusesOneLetterNamesAsTooShortLikeDocker() {
    assertThatThrownBy(() -> new VolumeStore(dataRoot).create("a", null, null, null, false))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("create a: volume name is too short, names should be at least two alphanumeric characters");
  }

  @Test
  void refusesBadDriverOptions() {
    VolumeStore s = new VolumeStore(dataRoot);
    assertThatThrownBy(() -> s.create("v1", null, null, Map.of("bogus", "1"), false))
        .hasMessage("invalid option: \"bogus\"");
    assertThatThrownBy(() -> s.create("v1", null, null, Map.of("type", "tmpfs"), false))
        .hasMessage("missing required option: \"device\"");
    assertThat(s.create("v1", null, null, Map.of("type", "tmpfs", "device", "tmpfs"), false)
        .options()).containsEntry("type", "tmpfs");
  }

  @Test
  void removeRefusedWhileInUse() throws Exception {
    VolumeStore s = new VolumeStore(dataRoot);
    s.create("v1", null, null, null, false);
    Files.writeString(Path.of(s.get("v1").mountpoint(), "f"), "x");
    s.reference("v1", "bbb");
    s.reference("v1", "aaa");
    assertThat(s.refCount("v1")).isEqualTo(2);
    assertThatThrownBy(() -> s.remove("v1", false)).isInstanceOf(Conflict.class)
        .hasMessage("remove v1: volume is in use - [aaa, bbb]");
    s.dereference("v1", "aaa");
    s.dereference("v1", "bbb");
    s.remove("v1", false);
    assertThat(Files.exists(dataRoot.resolve("volumes/v1"))).isFalse();
    assertThatThrownBy(() -> s.get("v1")).isInstanceOf(NotFound.class)
        .hasMessage("get v1: no such volume");
    s.remove("v1", true);
  }

  @Test
  void forceRemovesInUse() {
    VolumeStore s = new VolumeStore(dataRoot);
    s.create("v1", null, null, null, false);
    s.reference("v1", "c");
    s.remove("v1", true);
    assertThat(s.list(Map.of())).isEmpty();
  }

  @Test
  void listFilters() {
    VolumeStore s = new VolumeStore(dataRoot);
    s.create("alpha", null, Map.of("env", "prod"), null, false);
    s.create("beta", null, Map.of("env", "dev"), null, false);
    s.create("gamma", null, null, null, false);
    s.reference("gamma", "c1");
    assertThat(names(s.list(Map.of("dangling", List.of("true"))))).containsExactly("alpha", "beta");
    assertThat(names(s.list(Map.of("dangling", List.of("0"))))).containsExactly("gamma");
    assertThat(names(s.list(Map.of("name", List.of("ph"))))).containsExactly("alpha");
    assertThat(names(s.list(Map.of("label", List.of("env"))))).containsExactly("alpha", "beta");
    assertThat(names(s.list(Map.of("label", List.of("env=dev"))))).containsExactly("beta");
    assertThat(names(s.list(Map.of("driver", List.of("local"))))).hasSize(3);
    assertThatThrownBy(() -> s.list(Map.of("bogus", List.of("x"))))
        .isInstanceOf(InvalidArgument.class).hasMessage("invalid filter 'bogus'");
    assertThatThrownBy(() -> s.list(Map.of("dangling", List.of("maybe"))))
        .hasMessage("invalid filter 'dangling=maybe'");
  }

  @Test
  void pruneAnonymousByDefaultAllOnRequest() throws Exception {
    VolumeStore s = new VolumeStore(dataRoot);
    Volume anon = s.create(null, null, null, null, true);
    Volume anonUsed = s.create(null, null, null, null, true);
    s.create("named", null, Map.of("keep", "no"), null, false);
    s.create("used", null, null, null, false);
    s.reference("used", "c1");
    s.reference(anonUsed.name(), "c1");
    Files.write(Path.of(anon.mountpoint(), "blob"), new byte[4096]);
    VolumeStore.PruneReport r = s.prune(Map.of());
    assertThat(r.volumesDeleted()).containsExactly(anon.name());
    assertThat(r.spaceReclaimed()).isEqualTo(4096);
    assertThat(s.prune(Map.of("all", List.of("true"), "label", List.of("keep=yes")))
        .volumesDeleted()).isEmpty();
    assertThat(s.prune(Map.of("all", List.of("1"))).volumesDeleted()).containsExactly("named");
    assertThat(names(s.list(null))).containsExactlyInAnyOrder("used", anonUsed.name());
  }

  @Test
  void sizeCountsHardlinksOnce() throws Exception {
    VolumeStore s = new VolumeStore(dataRoot);
    Path d = Path.of(s.create("v1", null, null, null, false).mountpoint());
    Files.write(d.resolve("a"), new byte[100]);
    Files.createLink(d.resolve("b"), d.resolve("a"));
    Files.createSymbolicLink(d.resolve("l"), Path.of("/etc/passwd"));
    assertThat(s.size("v1")).isEqualTo(100 + Files.readSymbolicLink(d.resolve("l")).toString().length());
  }

  private static List<String> names(List<Volume> vs) {
    return vs.stream().map(Volume::name).toList();
  }
}
