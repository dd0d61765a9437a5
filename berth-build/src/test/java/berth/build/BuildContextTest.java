package berth.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.InvalidArgument;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildContextTest {
  @TempDir
  Path dir;

  @Test
  void cleansLikeDocker() {
    assertThat(BuildContext.clean("/a/./b/../c/")).isEqualTo("a/c");
    assertThat(BuildContext.clean(".")).isEqualTo(".");
    assertThat(BuildContext.clean("../x")).isEqualTo("../x");
  }

  @Test
  void refusesPathsOutsideTheContext() {
    BuildContext ctx = BuildContext.of(dir);
    assertThatThrownBy(() -> ctx.sources("../etc/passwd", "COPY")).isInstanceOf(InvalidArgument.class)
        .hasMessage("Forbidden path outside the build context: ../etc/passwd ()");
  }

  @Test
  void symlinksResolveInsideTheContext() throws Exception {
    Files.createSymbolicLink(dir.resolve("escape"), Path.of("/etc/hostname"));
    BuildContext ctx = BuildContext.of(dir);
    assertThatThrownBy(() -> ctx.sources("escape", "COPY")).isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("file not found in build context or excluded by .dockerignore");
  }

  @Test
  void wildcardsMatchWithinTheContext() throws Exception {
    Files.writeString(dir.resolve("a.txt"), "a");
    Files.writeString(dir.resolve("b.txt"), "b");
    Files.writeString(dir.resolve("c.md"), "c");
    BuildContext ctx = BuildContext.of(dir);
    assertThat(ctx.sources("*.txt", "COPY")).extracting(BuildContext.Source::rel).containsExactly("a.txt", "b.txt");
    assertThatThrownBy(() -> ctx.sources("*.none", "COPY")).hasMessage("COPY failed: no source files were specified");
  }
}
