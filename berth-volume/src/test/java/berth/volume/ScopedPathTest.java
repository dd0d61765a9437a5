package berth.volume;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScopedPathTest {
  @TempDir Path root;

  @Test
  void symlinksStayInsideRoot() throws Exception {
    Files.createDirectories(root.resolve("real/dir"));
    Files.createSymbolicLink(root.resolve("abs"), Path.of("/real"));
    Files.createSymbolicLink(root.resolve("escape"), Path.of("../../../../etc"));
    Files.createSymbolicLink(root.resolve("real/up"), Path.of("../.."));
    assertThat(ScopedPath.resolve(root, "/abs/dir")).isEqualTo(root.resolve("real/dir"));
    assertThat(ScopedPath.resolve(root, "/escape/passwd")).isEqualTo(root.resolve("etc/passwd"));
    assertThat(ScopedPath.resolve(root, "/real/up/real")).isEqualTo(root.resolve("real"));
    assertThat(ScopedPath.resolve(root, "/../../x/./y")).isEqualTo(root.resolve("x/y"));
    assertThat(ScopedPath.resolve(root, "/")).isEqualTo(root);
  }

  @Test
  void symlinkLoopStops() throws Exception {
    Files.createSymbolicLink(root.resolve("a"), Path.of("b"));
    Files.createSymbolicLink(root.resolve("b"), Path.of("a"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScopedPath.resolve(root, "/a"))
        .hasMessageContaining("too many levels of symbolic links");
  }
}
