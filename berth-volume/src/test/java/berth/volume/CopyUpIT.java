package berth.volume;

import static org.assertj.core.api.Assertions.assertThat;

import berth.core.linux.Syscalls;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs root: copies owners other than ours and creates a device-less fifo. */
@Tag("integration")
class CopyUpIT {
  @TempDir Path tmp;

  @Test
  void copiesOwnersModesLinksAndXattrs() throws Exception {
    Path rootfs = tmp.resolve("rootfs");
    Path img = rootfs.resolve("var/lib/app");
    Files.createDirectories(img.resolve("sub"));
    Files.writeString(img.resolve("sub/f"), "hello");
    Syscalls.lchown(img.resolve("sub/f").toString(), 123, 456);
    Syscalls.chmod(img.resolve("sub/f").toString(), 04750);
    Syscalls.lchown(img.toString(), 999, 998);
    Syscalls.chmod(img.toString(), 0700);
    Files.createLink(img.resolve("hard"), img.resolve("sub/f"));
    Files.createSymbolicLink(img.resolve("link"), Path.of("/etc/shadow"));
    Syscalls.lsetxattr(img.resolve("sub/f").toString(), "user.k", "v".getBytes(), 0);
    Syscalls.mknod(img.resolve("fifo").toString(), Syscalls.S_IFIFO | 0600, 0);
    // the image reaches its directory through an absolute symlink: resolved inside the rootfs
    Files.createDirectories(rootfs.resolve("data"));
    Files.createSymbolicLink(rootfs.resolve("data/app"), Path.of("/var/lib/app"));

    Path vol = Files.createDirectories(tmp.resolve("vol/_data"));
    assertThat(CopyUp.copyIfEmpty(rootfs, "/data/app", vol)).isTrue();

    Path f = vol.resolve("sub/f");
    assertThat(Files.readString(f)).isEqualTo("hello");
    Map<String, Object> a = Files.readAttributes(f, "unix:uid,gid,mode,ino");
    assertThat(a.get("uid")).isEqualTo(123);
    assertThat(a.get("gid")).isEqualTo(456);
    assertThat((Integer) a.get("mode") & 07777).isEqualTo(04750);
    assertThat(Files.getAttribute(vol.resolve("hard"), "unix:ino")).isEqualTo(a.get("ino"));
    assertThat(Files.readSymbolicLink(vol.resolve("link"))).isEqualTo(Path.of("/etc/shadow"));
    assertThat(Syscalls.lgetxattr(f.toString(), "user.k")).hasValueSatisfying(
        v -> assertThat(new String(v)).isEqualTo("v"));
    assertThat(((Integer) Files.getAttribute(vol.resolve("fifo"), "unix:mode", LinkOption.NOFOLLOW_LINKS)
        & 0170000)).isEqualTo(Syscalls.S_IFIFO);
    Map<String, Object> root = Files.readAttributes(vol, "unix:uid,gid,mode");
    assertThat(root.get("uid")).isEqualTo(999);
    assertThat((Integer) root.get("mode") & 07777).isEqualTo(0700);
  }

  @Test
  void leavesNonEmptyVolumeAlone() throws Exception {
    Path img = Files.createDirectories(tmp.resolve("rootfs/d"));
    Files.writeString(img.resolve("image-file"), "x");
    Path vol = Files.createDirectories(tmp.resolve("vol"));
    Files.writeString(vol.resolve("mine"), "keep");
    assertThat(CopyUp.copyIfEmpty(tmp.resolve("rootfs"), "/d", vol)).isFalse();
    assertThat(Files.exists(vol.resolve("image-file"))).isFalse();
    assertThat(CopyUp.copyIfEmpty(tmp.resolve("rootfs"), "/missing", vol)).isFalse();
  }
}
