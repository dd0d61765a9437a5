package berth.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.Conflict;
import berth.core.linux.Syscalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Real mounts of the local driver's options under a temporary data root (needs root). */
@Tag("integration")
class LocalDriverMountIT {
  private Path dataRoot;

  @BeforeEach
  void setUp() throws Exception {
    dataRoot = Files.createTempDirectory(Path.of("/tmp"), "berth-h-vol");
  }

  @AfterEach
  void tearDown() throws Exception {
    // detach anything a failed test left mounted, deepest first, then delete the tree
    for (String line : Files.readAllLines(Path.of("/proc/self/mounts")).reversed()) {
      String target = line.split(" ")[1];
      if (target.startsWith(dataRoot.toString())) {
        Syscalls.umount2(target, Syscalls.MNT_DETACH);
      }
    }
    TreeRemover.remove(dataRoot);
  }

  @Test
  void tmpfsVolumeMountsAtFirstUseAndUnmountsWhenUnused() throws Exception {
    VolumeStore s = new VolumeStore(dataRoot);
    s.create("t1", null, null, Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=1m,uid=7"),
        false);
    String p = s.mount("t1", "c1");
    s.mount("t1", "c2");
    assertThat(mountLine(p)).contains(" tmpfs ").contains("size=1024k").contains("uid=7");
    Files.writeString(Path.of(p, "f"), "x");
    s.unmount("t1", "c1");
    assertThat(mountLine(p)).isNotNull();
    assertThatThrownBy(() -> s.remove("t1", false)).isInstanceOf(Conflict.class)
        .hasMessage("remove t1: volume is in use - [c1, c2]");
    s.unmount("t1", "c2");
    assertThat(mountLine(p)).isNull();
    assertThat(Files.exists(Path.of(p, "f"))).isFalse();
  }

  @Test
  void bindOptionMountsHostDirectoryReadOnly() throws Exception {
    Path host = Files.createDirectories(dataRoot.resolve("hostdir"));
    Files.writeString(host.resolve("h"), "host");
    VolumeStore s = new VolumeStore(dataRoot);
    s.create("b1", null, null, Map.of("type", "none", "device", host.toString(), "o", "bind,ro"),
        false);
    String p = s.mount("b1", "c1");
    assertThat(Files.readString(Path.of(p, "h"))).isEqualTo("host");
    assertThat(mountLine(p)).contains(" ro,");
    s.unmount("b1", "c1");
    s.dereference("b1", "c1");
    assertThat(mountLine(p)).isNull();
    s.remove("b1", false);
    assertThat(Files.readString(host.resolve("h"))).isEqualTo("host");
  }

  private static String mountLine(String target) throws Exception {
    return Files.readAllLines(Path.of("/proc/self/mounts")).stream()
        .filter(l -> l.split(" ")[1].equals(target)).findFirst().orElse(null);
  }
}
