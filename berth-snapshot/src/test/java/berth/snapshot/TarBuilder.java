package berth.snapshot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds small tars in memory for tests. */
final class TarBuilder {
  static final Instant T = Instant.parse("2024-01-02T03:04:05.1234567Z");
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

  TarBuilder() {
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  TarBuilder dir(String name, int mode) {
    return put(entry(name, TarConstants.LF_DIR, 040000 | mode), null, e -> { });
  }

  TarBuilder file(String name, String content) {
    return file(name, content, 0644, e -> { });
  }

  TarBuilder file(String name, String content, int mode, Consumer<TarArchiveEntry> tweak) {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = entry(name, TarConstants.LF_NORMAL, 0100000 | mode);
    e.setSize(data.length);
    return put(e, data, tweak);
  }

  TarBuilder symlink(String name, String target) {
    TarArchiveEntry e = entry(name, TarConstants.LF_SYMLINK, 0120777);
    e.setLinkName(target);
    return put(e, null, x -> { });
  }

  TarBuilder hardlink(String name, String target) {
    TarArchiveEntry e = entry(name, TarConstants.LF_LINK, 0100644);
    e.setLinkName(target);
    return put(e, null, x -> { });
  }

  TarBuilder device(String name, byte type, int major, int minor) {
    TarArchiveEntry e = entry(name, type, 0666);
    e.setDevMajor(major);
    e.setDevMinor(minor);
    return put(e, null, x -> { });
  }

  private static TarArchiveEntry entry(String name, byte type, int mode) {
    TarArchiveEntry e = new TarArchiveEntry(name, type, true);
    e.setMode(mode);
    e.setLastModifiedTime(FileTime.from(T));
    return e;
  }

  private TarBuilder put(TarArchiveEntry e, byte[] data, Consumer<TarArchiveEntry> tweak) {
    try {
      tweak.accept(e);
      tar.putArchiveEntry(e);
      if (data != null) {
        tar.write(data);
      }
      tar.closeArchiveEntry();
      return this;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  byte[] build() {
    try {
      tar.close();
      return bytes.toByteArray();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
