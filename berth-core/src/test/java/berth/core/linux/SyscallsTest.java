package berth.core.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyscallsTest {
  @TempDir Path tmp;

  @Test
  void makedevRoundTripsLargeNumbers() {
    long dev = Syscalls.makedev(259, 70000);
    assertThat(Syscalls.major(dev)).isEqualTo(259);
    assertThat(Syscalls.minor(dev)).isEqualTo(70000);
    assertThat(Syscalls.makedev(1, 3)).isEqualTo(0x103);
    assertThat(Syscalls.makedev(0, 0)).isZero();
  }

  @Test
  void mknodMakesFifoAndCharDevice() throws Exception {
    Path fifo = tmp.resolve("fifo");
    Syscalls.mknod(fifo.toString(), Syscalls.S_IFIFO | 0640, 0);
    assertThat(Files.isRegularFile(fifo)).isFalse();
    assertThat((int) Files.getAttribute(fifo, "unix:mode") & 0170000).isEqualTo(Syscalls.S_IFIFO);

    Path wh = tmp.resolve("wh");
    Syscalls.mknod(wh.toString(), Syscalls.S_IFCHR, Syscalls.makedev(0, 0));
    assertThat((int) Files.getAttribute(wh, "unix:mode") & 0170000).isEqualTo(Syscalls.S_IFCHR);
    assertThat((long) Files.getAttribute(wh, "unix:rdev")).isZero();
  }

  @Test
  void mknodOnExistingPathNamesCallPathAndError() {
    assertThatThrownBy(() -> Syscalls.mknod(tmp.toString(), Syscalls.S_IFIFO | 0600, 0))
        .isInstanceOf(ErrnoException.class)
        .hasMessage("mknod " + tmp + ": File exists")
        .satisfies(e -> assertThat(((ErrnoException) e).errno()).isEqualTo(Syscalls.EEXIST));
  }

  @Test
  void xattrsSetListGetRemove() throws Exception {
    Path f = Files.writeString(tmp.resolve("f"), "x");
    String p = f.toString();
    Syscalls.lsetxattr(p, "trusted.berth.test", "y".getBytes(StandardCharsets.UTF_8), 0);
    assertThat(Syscalls.llistxattr(p)).contains("trusted.berth.test");
    assertThat(Syscalls.lgetxattr(p, "trusted.berth.test")).hasValueSatisfying(v -> assertThat(v).containsExactly('y'));
    Syscalls.lremovexattr(p, "trusted.berth.test");
    assertThat(Syscalls.lgetxattr(p, "trusted.berth.test")).isEmpty();
    Syscalls.lremovexattr(p, "trusted.berth.test");
  }

  @Test
  void bigXattrValueGrowsBuffer() throws Exception {
    Path f = Files.writeString(tmp.resolve("big"), "x");
    byte[] v = new byte[3000];
    java.util.Arrays.fill(v, (byte) 'a');
    Syscalls.lsetxattr(f.toString(), "trusted.big", v, 0);
    assertThat(Syscalls.lgetxattr(f.toString(), "trusted.big")).hasValueSatisfying(b -> assertThat(b).isEqualTo(v));
  }

  @Test
  void lutimesSetsSymlinkOwnMtime() throws Exception {
    Path target = Files.writeString(tmp.resolve("t"), "x");
    Path link = Files.createSymbolicLink(tmp.resolve("l"), target);
    Files.setLastModifiedTime(target, FileTime.fromMillis(5_000_000_000L));
    Syscalls.lutimes(link.toString(), 1000, 0, 1234, 500);
    assertThat(Files.getLastModifiedTime(link, LinkOption.NOFOLLOW_LINKS).toMillis()).isEqualTo(1_234_000L);
    assertThat(Files.getLastModifiedTime(target).toMillis()).isEqualTo(5_000_000_000L);
  }

  @Test
  void lchownChangesLinkNotTarget() throws Exception {
    Path target = Files.writeString(tmp.resolve("t"), "x");
    Path link = Files.createSymbolicLink(tmp.resolve("l"), target);
    Syscalls.lchown(link.toString(), 1234, 4321);
    assertThat(Files.getAttribute(link, "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(1234);
    assertThat(Files.getAttribute(link, "unix:gid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(4321);
    assertThat(Files.getAttribute(target, "unix:uid")).isEqualTo(0);
  }

  @Test
  void failedMountAndUmountSayWhy() {
    Path missing = tmp.resolve("missing");
    assertThatThrownBy(() -> Syscalls.mount(tmp.toString(), missing.toString(), null, Syscalls.MS_BIND, null))
        .isInstanceOf(ErrnoException.class)
        .hasMessage("mount " + tmp + " on " + missing + ": No such file or directory");
    assertThatThrownBy(() -> Syscalls.umount2(tmp.toString(), 0))
        .hasMessage("umount " + tmp + ": Invalid argument");
  }

  @Test
  void chmodSetsSetuidAndSticky() throws Exception {
    Path f = Files.writeString(tmp.resolve("suid"), "x");
    Syscalls.chmod(f.toString(), 04755);
    assertThat((int) Files.getAttribute(f, "unix:mode") & 07777).isEqualTo(04755);
    Syscalls.chmod(tmp.toString(), 01777);
    assertThat((int) Files.getAttribute(tmp, "unix:mode") & 07777).isEqualTo(01777);
  }

  @Test
  void strerrorSpeaksLibc() {
    assertThat(Syscalls.strerror(Syscalls.EPERM)).isEqualTo("Operation not permitted");
  }
}
