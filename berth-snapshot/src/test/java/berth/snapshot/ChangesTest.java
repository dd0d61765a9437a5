package berth.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import berth.core.linux.Syscalls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangesTest {
  @TempDir Path tmp;

  @Test
  void reportsLikeDockerDiff() throws Exception {
    Path lower = Files.createDirectories(tmp.resolve("lower"));
    Files.createDirectories(lower.resolve("etc"));
    Files.writeString(lower.resolve("etc/passwd"), "root");
    Files.createDirectories(lower.resolve("tmp"));
    Files.createDirectories(lower.resolve("bin"));
    Files.createDirectories(lower.resolve("var/log"));
    Path upper = Files.createDirectories(tmp.resolve("upper"));
    Files.createDirectories(upper.resolve("etc"));
    Files.writeString(upper.resolve("etc/passwd"), "root\nme");
    Files.createDirectories(upper.resolve("tmp"));
    Files.writeString(upper.resolve("tmp/new"), "x");
    Syscalls.mknod(upper.resolve("bin").toString(), Syscalls.S_IFCHR, 0);
    Files.createDirectories(upper.resolve("var/log"));
    Files.writeString(upper.resolve("added"), "a");
    FileTime t = FileTime.from(TarBuilder.T);
    for (String d : List.of("tmp", "var", "var/log")) {
      Files.setLastModifiedTime(lower.resolve(d), t);
      Files.setLastModifiedTime(upper.resolve(d), t);
      Syscalls.chmod(upper.resolve(d).toString(), 0755);
      Syscalls.chmod(lower.resolve(d).toString(), 0755);
    }
    Files.setLastModifiedTime(upper.resolve("etc"), FileTime.fromMillis(1000));

    assertThat(Changes.of(upper, List.of(lower))).extracting(Object::toString).containsExactly(
        "A /added", "D /bin", "C /etc", "C /etc/passwd", "C /tmp", "A /tmp/new");
  }

  @Test
  void noLowerMeansEverythingAdded() throws Exception {
    Path upper = Files.createDirectories(tmp.resolve("u/a"));
    Files.writeString(upper.resolve("f"), "x");
    assertThat(Changes.of(tmp.resolve("u"), List.of())).extracting(Object::toString)
        .containsExactly("A /a", "A /a/f");
    assertThat(Changes.of(tmp.resolve("missing"), List.of())).isEmpty();
    assertThat(Changes.Kind.DELETED.code()).isEqualTo(2);
  }

  @Test
  void lowerDirsComeFromOverlayOptions() {
    List<Mount> m = List.of(new Mount("overlay", "overlay", List.of("lowerdir=/a:/b", "upperdir=/u", "workdir=/w")));
    assertThat(Changes.lowerDirs(m)).containsExactly(Path.of("/a"), Path.of("/b"));
  }
}
