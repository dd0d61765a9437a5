package berth.snapshot.archive;

import berth.core.linux.Syscalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes files and directory trees into a tar, depth first in name order (the same tree gives the
 * same bytes), with owners, full modes, nanosecond mtimes, hardlinks (second and later names of
 * an inode become link entries), devices, and xattrs as PAX {@code SCHILY.xattr.*}. Long names and
 * big numbers use PAX headers. With overlay whiteouts on, a char device 0/0 is written as a
 * {@code .wh.<name>} entry and an opaque directory gets a {@code .wh..wh..opq} entry after it.
 * Sockets are skipped, as Docker does.
 */
public final class TarTreeWriter implements AutoCloseable {
  private final TarArchiveOutputStream tar;
  private final boolean overlayWhiteouts;
  private final Map<Object, String> seen = new HashMap<>();

  /** Wraps {@code out}; {@link #close()} finishes the tar and closes {@code out}. */
  public TarTreeWriter(OutputStream out, boolean overlayWhiteouts) {
    this.tar = new TarArchiveOutputStream(out);
    this.tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    this.tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    this.tar.setAddPaxHeadersForNonAsciiNames(true);
    this.overlayWhiteouts = overlayWhiteouts;
  }

  /** Adds every entry below {@code dir} (not {@code dir} itself), names relative to it. */
  public void addChildren(Path dir, String prefix) throws IOException {
    for (Path child : FileTrees.sortedChildren(dir)) {
      add(child, prefix + child.getFileName());
    }
  }

  /** Adds {@code file} as {@code name}, and, for a real directory, everything below it. */
  public void add(Path file, String name) throws IOException {
    Map<String, Object> st = Files.readAttributes(file, "unix:*", LinkOption.NOFOLLOW_LINKS);
    int mode = (int) st.get("mode");
    int type = mode & 0170000;
    if (type == 0140000) {
      return; // sockets cannot be archived
    }
    if (overlayWhiteouts && type == Syscalls.S_IFCHR && (long) st.get("rdev") == 0) {
      writeEmpty(parentOf(name) + TarExtractor.WHITEOUT_PREFIX + baseOf(name), st);
      return;
    }
    TarArchiveEntry e = entry(file, name, st, type);
    tar.putArchiveEntry(e);
    if (e.isFile() && e.getSize() > 0) {
      try (InputStream in = Files.newInputStream(file)) {
        in.transferTo(tar);
      }
    }
    tar.closeArchiveEntry();
    if (type == 0040000) {
      String dirName = name.endsWith("/") || name.isEmpty() ? name : name + "/";
      if (overlayWhiteouts && isOpaque(file)) {
        writeEmpty(dirName + TarExtractor.OPAQUE, st);
      }
      addChildren(file, dirName);
    }
  }

  private TarArchiveEntry entry(Path file, String name, Map<String, Object> st, int type) throws IOException {
    TarArchiveEntry e;
    Object inode = st.get("fileKey");
    int nlink = (int) st.get("nlink");
    if (type == 0100000 && nlink > 1 && seen.containsKey(inode)) {
      e = new TarArchiveEntry(name, TarConstants.LF_LINK);
      e.setLinkName(seen.get(inode));
    } else if (type == 0040000) {
      e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR);
    } else if (type == 0120000) {
      e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
      e.setLinkName(Files.readSymbolicLink(file).toString());
    } else if (type == Syscalls.S_IFCHR || type == Syscalls.S_IFBLK || type == Syscalls.S_IFIFO) {
      byte flag = type == Syscalls.S_IFCHR ? TarConstants.LF_CHR
          : type == Syscalls.S_IFBLK ? TarConstants.LF_BLK : TarConstants.LF_FIFO;
      e = new TarArchiveEntry(name, flag);
      long rdev = (long) st.get("rdev");
      e.setDevMajor((int) Syscalls.major(rdev));
      e.setDevMinor((int) Syscalls.minor(rdev));
    } else {
      e = new TarArchiveEntry(name, TarConstants.LF_NORMAL);
      e.setSize((long) st.get("size"));
      if (nlink > 1) {
        seen.put(inode, name);
      }
    }
    e.setMode(mode(type, (int) st.get("mode")));
    e.setUserId((int) st.get("uid"));
    e.setGroupId((int) st.get("gid"));
    e.setLastModifiedTime(seconds(st));
    addXattrs(file, e);
    return e;
  }

  /** Whole seconds, as Docker writes them: the same tree gives the same layer digest. */
  private static FileTime seconds(Map<String, Object> st) {
    return FileTime.from(((FileTime) st.get("lastModifiedTime")).toInstant().getEpochSecond(),
        java.util.concurrent.TimeUnit.SECONDS);
  }

  private static int mode(int type, int mode) {
    return type | (mode & 07777);
  }

  private void addXattrs(Path file, TarArchiveEntry e) throws IOException {
    for (String x : Syscalls.llistxattr(file.toString())) {
      if (x.startsWith("trusted.overlay.")) {
        continue; // overlay's own bookkeeping, not part of the layer
      }
      Optional<byte[]> v = Syscalls.lgetxattr(file.toString(), x);
      if (v.isPresent()) {
        addXattr(e, x, v.get());
      }
    }
  }

  /**
   * Text values go in Docker's SCHILY.xattr form. PAX records are UTF-8 text in commons-compress,
   * so binary values (security.capability) use bsdtar's base64 LIBARCHIVE.xattr form instead,
   * which TarExtractor and bsdtar read back exactly.
   */
  private static void addXattr(TarArchiveEntry e, String name, byte[] value) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(value)).toString();
      e.addPaxHeader("SCHILY.xattr." + name, text);
    } catch (java.nio.charset.CharacterCodingException binary) {
      e.addPaxHeader("LIBARCHIVE.xattr." + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8),
          java.util.Base64.getEncoder().encodeToString(value));
    }
  }

  private void writeEmpty(String name, Map<String, Object> st) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_NORMAL);
    e.setMode(0100000);
    e.setUserId((int) st.get("uid"));
    e.setGroupId((int) st.get("gid"));
    e.setLastModifiedTime(seconds(st));
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
  }

  private static boolean isOpaque(Path dir) throws IOException {
    return Syscalls.lgetxattr(dir.toString(), TarExtractor.OVERLAY_OPAQUE_XATTR)
        .map(v -> v.length == 1 && v[0] == 'y').orElse(false);
  }

  private static String parentOf(String name) {
    int i = name.lastIndexOf('/');
    return i < 0 ? "" : name.substring(0, i + 1);
  }

  private static String baseOf(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  /** Writes the end-of-archive blocks and closes the underlying stream. */
  @Override
  public void close() throws IOException {
    tar.finish();
    tar.close();
  }

  /** Writes the end-of-archive blocks but leaves the underlying stream open. */
  public void finish() throws IOException {
    tar.finish();
    tar.flush();
  }
}
