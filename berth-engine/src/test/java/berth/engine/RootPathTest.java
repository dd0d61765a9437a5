package berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.InvalidArgument;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootPathTest {
  @TempDir Path root;

  @Test
  void symlinksAndDotDotStayInsideTheRootfs() throws Exception {
    Files.createDirectories(root.resolve("etc"));
    Files.createSymbolicLink(root.resolve("abs"), Path.of("/etc"));
    Files.createSymbolicLink(root.resolve("up"), Path.of("../../../../etc"));
    Files.createSymbolicLink(root.resolve("loop"), Path.of("loop"));
    assertThat(RootPath.resolve(root, "/abs/passwd", false)).isEqualTo(root.resolve("etc/passwd"));
    assertThat(RootPath.resolve(root, "/up/passwd", false)).isEqualTo(root.resolve("etc/passwd"));
    assertThat(RootPath.resolve(root, "/../../etc", false)).isEqualTo(root.resolve("etc"));
    assertThat(RootPath.resolve(root, "/abs", false)).isEqualTo(root.resolve("abs"));
    assertThat(RootPath.resolve(root, "/abs", true)).isEqualTo(root.resolve("etc"));
    assertThatThrownBy(() -> RootPath.resolve(root, "/loop/x", false)).isInstanceOf(InvalidArgument.class);
  }

  @Test
  void tarEntriesMayNotLeaveTheDestination() {
    assertThat(TarStreams.clean("./a/../b/")).isEqualTo("b");
    assertThatThrownBy(() -> TarStreams.clean("../etc/passwd")).isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("../etc/passwd");
    assertThat(ContainerFilesystem.baseName("/etc/")).isEqualTo("etc");
    assertThat(ContainerFilesystem.baseName("/etc/.")).isEqualTo(".");
    assertThat(berth.snapshot.archive.PathStat.goFileMode(0040755)).isEqualTo((1L << 31) | 0755);
  }
}
