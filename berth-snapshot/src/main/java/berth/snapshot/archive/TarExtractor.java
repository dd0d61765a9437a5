package berth.snapshot.archive;

import berth.core.errors.InvalidArgument;
import berth.core.linux.ErrnoException;
import berth.core.linux.Syscalls;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Writes tar entries into a directory, contained in a root: every entry's parent is resolved with
 * {@link RootedPath} (symlinks followed as if chrooted), its last component is never followed,
 * names and hardlink targets climbing out with {@code ..} are refused. Owners, modes (setuid
 * included), mtimes (symlinks too) and PAX {@code SCHILY.xattr.*} are restored.
 *
 * <p>Written by hand: commons-compress reads tar but has no safe extractor with overlay whiteouts.
 */
public final class TarExtractor {
  /** The opaque-directory marker in a layer tar. */
  public static final String OPAQUE = ".wh..wh..opq";
  public static final String WHITEOUT_PREFIX = ".wh.";
  public static final String OVERLAY_OPAQUE_XATTR = "trusted.overlay.opaque";
  private static final String XATTR_PAX = "SCHILY.xattr.";
  private static final String XATTR_LIBARCHIVE = "LIBARCHIVE.xattr.";

  /**
   * How to extract.
   *
   * @param overlayWhiteouts turn {@code .wh.x} into overlay whiteouts (char device 0/0) and
   *     {@code .wh..wh..opq} into the opaque xattr (layer apply); false writes them as files
   * @param noOverwriteDirNonDir refuse replacing a directory with a non-directory or vice versa
   * @param uid owner for every entry, or -1 to take the entry's
   * @param gid group for every entry, or -1 to take the entry's
   */
  public record Options(boolean overlayWhiteouts, boolean noOverwriteDirNonDir, int uid, int gid) {
    /** Layer apply: whiteouts converted, owners from the tar. */
    public static Options layer() {
      return new Options(true, false, -1, -1);
    }
  }

  private final Path root;
  private final String base;
  private final Options opts;
  private final List<Path> dirs = new ArrayList<>();
  private final List<TarArchiveEntry> dirEntries = new ArrayList<>();
  private long bytes;

  /**
   * @param root the containment root (a snapshot's upper dir, a container's rootfs)
   * @param base directory under root (already resolved, '/'-separated, "" for root) entries go in
   */
  public TarExtractor(Path root, String base, Options opts) {
    this.root = root;
    this.base = base;
    this.opts = opts;
  }

  /** Extracts every entry; returns the bytes of file content written. */
  public long extract(TarArchiveInputStream tar) throws IOException {
    TarArchiveEntry e;
    while ((e = tar.getNextEntry()) != null) {
      extractEntry(e, tar);
    }
    for (int i = dirs.size() - 1; i >= 0; i--) {
      setTimes(dirs.get(i), dirEntries.get(i));
    }
    return bytes;
  }

  private void extractEntry(TarArchiveEntry e, TarArchiveInputStream tar) throws IOException {
    if (e.isGlobalPaxHeader()) {
      return;
    }
    String rel = RootedPath.clean(e.getName());
    if (rel.isEmpty()) {
      if (e.isDirectory()) {
        Path target = RootedPath.resolve(root, base, true);
        applyMetadata(target, e);
        dirs.add(target);
        dirEntries.add(e);
      }
      return;
    }
    int slash = rel.lastIndexOf('/');
    String parentRel = slash < 0 ? "" : rel.substring(0, slash);
    String name = rel.substring(slash + 1);
    Path parent = RootedPath.resolve(root, join(base, parentRel), true);
    Files.createDirectories(parent);
    if (opts.overlayWhiteouts() && name.startsWith(WHITEOUT_PREFIX)) {
      whiteout(parent, name, e);
      return;
    }
    Path target = parent.resolve(name);
    clearFor(target, e, rel);
    create(target, e, tar);
    if (!e.isLink()) {
      applyMetadata(target, e);
      if (e.isDirectory()) {
        dirs.add(target);
        dirEntries.add(e);
      } else {
        setTimes(target, e);
      }
    }
  }

  private void whiteout(Path parent, String name, TarArchiveEntry e) throws IOException {
    if (name.equals(OPAQUE)) {
      Syscalls.lsetxattr(parent.toString(), OVERLAY_OPAQUE_XATTR, new byte[] {'y'}, 0);
      return;
    }
    if (name.startsWith(WHITEOUT_PREFIX + WHITEOUT_PREFIX)) {
      return; // other AUFS metadata (.wh..wh.plnk ...) has no meaning for overlay
    }
    Path target = parent.resolve(name.substring(WHITEOUT_PREFIX.length()));
    FileTrees.deleteRecursively(target);
    Syscalls.mknod(target.toString(), Syscalls.S_IFCHR, Syscalls.makedev(0, 0));
    Syscalls.lchown(target.toString(), owner(opts.uid(), e.getLongUserId()), owner(opts.gid(), e.getLongGroupId()));
    setTimes(target, e);
  }

  private void clearFor(Path target, TarArchiveEntry e, String rel) throws IOException {
    BasicFileAttributes old;
    try {
      old = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException none) {
      return;
    }
    if (opts.noOverwriteDirNonDir()) {
      if (old.isDirectory() && !e.isDirectory()) {
        throw new InvalidArgument("cannot overwrite directory \"/" + join(base, rel) + "\" with non-directory \""
            + e.getName() + "\"");
      }
      if (!old.isDirectory() && e.isDirectory()) {
        throw new InvalidArgument("cannot overwrite non-directory \"/" + join(base, rel) + "\" with directory \""
            + e.getName() + "\"");
      }
    }
    if (!(old.isDirectory() && e.isDirectory())) {
      FileTrees.deleteRecursively(target);
    }
  }

  private void create(Path target, TarArchiveEntry e, TarArchiveInputStream tar) throws IOException {
    String t = target.toString();
    if (e.isDirectory()) {
      if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(target);
      }
    } else if (e.isSymbolicLink()) {
      Files.createSymbolicLink(target, Path.of(e.getLinkName()));
    } else if (e.isLink()) {
      Files.createLink(target, linkTarget(e));
    } else if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
      int type = e.isCharacterDevice() ? Syscalls.S_IFCHR : e.isBlockDevice() ? Syscalls.S_IFBLK : Syscalls.S_IFIFO;
      Syscalls.mknod(t, type | (e.getMode() & 07777), Syscalls.makedev(e.getDevMajor(), e.getDevMinor()));
    } else if (e.isFile()) {
      try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        bytes += tar.transferTo(out);
      }
    } else {
      throw new InvalidArgument("unhandled tar header type for " + RootedPath.quote(e.getName()));
    }
  }

  private Path linkTarget(TarArchiveEntry e) throws IOException {
    String rel;
    try {
      rel = RootedPath.clean(e.getLinkName());
    } catch (InvalidArgument escape) {
      throw new InvalidArgument("invalid hardlink " + RootedPath.quote(e.getName()) + " -> "
          + RootedPath.quote(e.getLinkName()) + ": target is outside of the archive", escape);
    }
    int slash = rel.lastIndexOf('/');
    Path parent = RootedPath.resolve(root, join(base, slash < 0 ? "" : rel.substring(0, slash)), true);
    Path target = parent.resolve(rel.substring(slash + 1));
    if (rel.isEmpty() || !Files.exists(target, LinkOption.NOFOLLOW_LINKS)
        || Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidArgument("invalid hardlink " + RootedPath.quote(e.getName()) + " -> "
          + RootedPath.quote(e.getLinkName()) + ": no such file in the archive");
    }
    return target;
  }

  private void applyMetadata(Path target, TarArchiveEntry e) throws IOException {
    String t = target.toString();
    Syscalls.lchown(t, owner(opts.uid(), e.getLongUserId()), owner(opts.gid(), e.getLongGroupId()));
    if (!e.isSymbolicLink()) {
      Syscalls.chmod(t, e.getMode() & 07777);
    }
    for (Map.Entry<String, String> h : e.getExtraPaxHeaders().entrySet()) {
      if (h.getKey().startsWith(XATTR_PAX)) {
        setXattr(t, h.getKey().substring(XATTR_PAX.length()), h.getValue().getBytes(StandardCharsets.UTF_8));
      } else if (h.getKey().startsWith(XATTR_LIBARCHIVE)) {
        // bsdtar's form: the name is URL-encoded, the value base64, so binary values survive
        String name = java.net.URLDecoder.decode(h.getKey().substring(XATTR_LIBARCHIVE.length()), StandardCharsets.UTF_8);
        setXattr(t, name, java.util.Base64.getDecoder().decode(h.getValue()));
      }
    }
  }

  private static void setXattr(String path, String name, byte[] value) throws IOException {
    try {
      // commons-compress hands PAX values over as UTF-8 text, so binary values
      // (security.capability) only survive when they were valid UTF-8: a known limit.
      Syscalls.lsetxattr(path, name, value, 0);
    } catch (ErrnoException err) {
      if (err.errno() != Syscalls.ENOTSUP && err.errno() != Syscalls.EPERM) {
        throw err;
      }
    }
  }

  private static void setTimes(Path target, TarArchiveEntry e) throws IOException {
    FileTime m = e.getLastModifiedTime();
    Instant mt = m == null ? Instant.EPOCH : m.toInstant();
    FileTime a = e.getLastAccessTime();
    Instant at = a == null ? mt : a.toInstant();
    Syscalls.lutimes(target.toString(), at.getEpochSecond(), at.getNano(), mt.getEpochSecond(), mt.getNano());
  }

  private static int owner(int forced, long fromEntry) {
    return forced >= 0 ? forced : (int) fromEntry;
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b;
  }
}
