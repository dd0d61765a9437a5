package berth.core.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real mounts (root only); each test unmounts what it mounted. */
@Tag("integration")
class SyscallsIT {
  @TempDir Path tmp;

  @Test
  void bindMountAndDetach() throws Exception {
    Path src = Files.createDirectory(tmp.resolve("src"));
    Files.writeString(src.resolve("hello"), "hi");
    Path dst = Files.createDirectory(tmp.resolve("dst"));
    Syscalls.mount(src.toString(), dst.toString(), null, Syscalls.MS_BIND, null);
    try {
      assertThat(Files.readString(dst.resolve("hello"))).isEqualTo("hi");
    } finally {
      Syscalls.umount2(dst.toString(), Syscalls.MNT_DETACH);
    }
    assertThat(Files.exists(dst.resolve("hello"))).isFalse();
  }

  @Test
  void readOnlyRemountRefusesWrites() throws Exception {
    Path src = Files.createDirectory(tmp.resolve("src"));
    Path dst = Files.createDirectory(tmp.resolve("dst"));
    Syscalls.mount(src.toString(), dst.toString(), null, Syscalls.MS_BIND, null);
    try {
      Syscalls.mount(null, dst.toString(), null, Syscalls.MS_REMOUNT | Syscalls.MS_BIND | Syscalls.MS_RDONLY, null);
      assertThat(dst.toFile().canWrite()).isFalse();
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> Files.writeString(dst.resolve("x"), "x"))
          .hasMessageContaining("Read-only file system");
    } finally {
      Syscalls.umount2(dst.toString(), Syscalls.MNT_DETACH);
    }
  }
}
