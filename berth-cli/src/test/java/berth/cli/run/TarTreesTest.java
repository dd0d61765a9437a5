package berth.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** cp's tar handling: docker's rename rule, modes and links kept, nothing written outside the target. */
class TarTreesTest {
  Path tmp;

  @BeforeEach
  void setUp() throws IOException {
    tmp = Files.createTempDirectory(Path.of("/tmp"), "berth-e-tar-");
  }

  @AfterEach
  void tearDown() throws IOException {
    try (var walk = Files.walk(tmp)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  byte[] tarOf(Path src, String rootName) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TarTrees.write(src, rootName, out, false);
    return out.toByteArray();
  }

  @Test
  void directoryIntoExistingDirectoryKeepsItsName() throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src/sub"));
    Files.writeString(src.resolve("f.txt"), "hello");
    Files.setPosixFilePermissions(src.resolve("f.txt"), PosixFilePermissions.fromString("rwxr-x---"));
    Files.createSymbolicLink(src.resolve("link"), Path.of("f.txt"));
    Path dest = Files.createDirectories(tmp.resolve("dest"));
    long bytes = TarTrees.extract(new ByteArrayInputStream(tarOf(src, "sub")), dest, "sub");
    assertThat(bytes).isEqualTo(5);
    assertThat(Files.readString(dest.resolve("sub/f.txt"))).isEqualTo("hello");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dest.resolve("sub/f.txt")))).isEqualTo("rwxr-x---");
    assertThat(Files.readSymbolicLink(dest.resolve("sub/link"))).isEqualTo(Path.of("f.txt"));
  }

  @Test
  void missingDestinationRenamesTheSource() throws IOException {
    Path src = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(src.resolve("hosts"), "127.0.0.1 localhost\n");
    TarTrees.extract(new ByteArrayInputStream(tarOf(src.resolve("hosts"), "hosts")), tmp.resolve("copy.txt"), "hosts");
    assertThat(Files.readString(tmp.resolve("copy.txt"))).isEqualTo("127.0.0.1 localhost\n");
  }

  @Test
  void refusesEntriesThatEscape() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      byte[] data = "x".getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry e = new TarArchiveEntry("d/../../evil");
      e.setSize(data.length);
      tar.putArchiveEntry(e);
      tar.write(data);
      tar.closeArchiveEntry();
    }
    Path dest = Files.createDirectories(tmp.resolve("dest"));
    assertThatThrownBy(() -> TarTrees.extract(new ByteArrayInputStream(out.toByteArray()), dest, "d"))
        .isInstanceOf(IOException.class).hasMessageContaining("refusing");
    assertThat(tmp.resolve("evil")).doesNotExist();
  }
}
