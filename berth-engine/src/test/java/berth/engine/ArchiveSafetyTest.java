package berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.InvalidArgument;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tar copied into a container must not write outside its rootfs, whatever its links say. */
class ArchiveSafetyTest {
  @TempDir Path dir;

  @Test
  void symlinkEntriesCannotRedirectLaterEntriesToTheHost() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      TarArchiveEntry link = new TarArchiveEntry("evil", TarConstants.LF_SYMLINK);
      link.setLinkName(outside.toString());
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
      TarArchiveEntry file = new TarArchiveEntry("evil/pwned");
      file.setSize(2);
      tar.putArchiveEntry(file);
      tar.write("x\n".getBytes());
      tar.closeArchiveEntry();
    }
    try (EngineHarness h = new EngineHarness(dir.resolve("engine"))) {
      String id = h.create("target");
      h.engine.containers().archivePut(id, "/", new ByteArrayInputStream(bytes.toByteArray()), false, false);
      assertThat(outside.resolve("pwned")).doesNotExist();
      Path rootfs = dir.resolve("engine/run/bundles/" + id + "/rootfs");
      assertThat(rootfs.resolve(outside.toString().substring(1)).resolve("pwned")).exists();
      ByteArrayOutputStream up = new ByteArrayOutputStream();
      try (TarArchiveOutputStream tar = new TarArchiveOutputStream(up)) {
        TarArchiveEntry file = new TarArchiveEntry("../../escape");
        file.setSize(0);
        tar.putArchiveEntry(file);
        tar.closeArchiveEntry();
      }
      assertThatThrownBy(() -> h.engine.containers().archivePut(id, "/",
          new ByteArrayInputStream(up.toByteArray()), false, false)).isInstanceOf(InvalidArgument.class);
      assertThatThrownBy(() -> h.engine.containers().archivePut(id, "/evil/pwned",
          new ByteArrayInputStream(bytes.toByteArray()), false, false))
          .hasMessage("extraction point is not a directory");
    }
  }
}
