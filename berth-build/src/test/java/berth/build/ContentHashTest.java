package berth.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashTest {
  @TempDir
  Path dir;

  @Test
  void contentAndModeCountButNotTimes() throws Exception {
    Path f = dir.resolve("a.txt");
    Files.writeString(f, "one");
    String h = ContentHash.of(f);
    Files.setLastModifiedTime(f, FileTime.fromMillis(0));
    assertThat(ContentHash.of(f)).isEqualTo(h);
    Files.writeString(f, "two");
    assertThat(ContentHash.of(f)).isNotEqualTo(h);
    Files.writeString(f, "one");
    Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    assertThat(ContentHash.of(f)).isNotEqualTo(h);
  }

  @Test
  void nativeAndJavaHashesAgree() throws Exception {
    Path big = dir.resolve("big.bin");
    byte[] data = new byte[3 << 20];
    new Random(7).nextBytes(data);
    Files.write(big, data);
    // openssl comes with ca-certificates (scripts/setup.sh); its hash must be Java's
    assertThat(ContentHash.nativeSha256(big)).isEqualTo(ContentHash.fileSha256(big)).hasSize(64);
  }

  @Test
  void directoriesHashTheirTree() throws Exception {
    Path d = dir.resolve("d");
    Files.createDirectories(d.resolve("sub"));
    Files.writeString(d.resolve("sub/x"), "x");
    String h = ContentHash.of(d);
    Files.writeString(d.resolve("sub/y"), "y");
    assertThat(ContentHash.of(d)).isNotEqualTo(h);
  }
}
