package berth.image;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Small tar helpers for image tests: build from name→content (a "->x" content is a symlink). */
final class Tars {
  /** Every entry gets this mtime: commons-compress stamps "now", and the same content must hash the same. */
  private static final java.nio.file.attribute.FileTime MTIME =
      java.nio.file.attribute.FileTime.fromMillis(1_704_067_200_000L);

  private Tars() {}

  static byte[] of(Map<String, ?> entries) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, ?> e : entries.entrySet()) {
        byte[] data = e.getValue() instanceof byte[] b ? b : e.getValue().toString().getBytes(StandardCharsets.UTF_8);
        String text = e.getValue() instanceof String s ? s : "";
        TarArchiveEntry t;
        if (e.getKey().endsWith("/")) {
          t = new TarArchiveEntry(e.getKey(), TarConstants.LF_DIR);
          t.setMode(040755);
        } else if (text.startsWith("->")) {
          t = new TarArchiveEntry(e.getKey(), TarConstants.LF_SYMLINK);
          t.setLinkName(text.substring(2));
        } else {
          t = new TarArchiveEntry(e.getKey(), TarConstants.LF_NORMAL);
          t.setMode(0100644);
          t.setSize(data.length);
        }
        t.setLastModifiedTime(MTIME);
        tar.putArchiveEntry(t);
        if (!t.isDirectory() && !t.isSymbolicLink()) {
          tar.write(data);
        }
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Names and contents of a tar's regular files, in order. */
  static Map<String, byte[]> read(byte[] tar) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
        out.put(e.getName(), e.isFile() ? in.readAllBytes() : new byte[0]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
