package berth.snapshot.archive;

import berth.core.errors.Internal;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The archive operations behind {@code docker cp} and {@code docker export}, on a container's
 * mounted rootfs ({@code root}). Paths are container paths, resolved as if chrooted in root: all
 * components but the last follow symlinks inside the root; the last is followed only when the
 * path ends in '/' or '/.' (Docker's GET/HEAD /containers/{id}/archive semantics).
 *
 * <pre>{@code
 * ContainerArchive a = new ContainerArchive(rootfs);
 * PathStat st = a.stat("/etc/hosts");   // X-Docker-Container-Path-Stat
 * a.writePath("/etc", out);             // GET archive: entries "etc/", "etc/hosts", ...
 * a.extract("/tmp", tarIn, true, false); // PUT archive
 * a.export(out);                        // docker export
 * }</pre>
 */
public final class ContainerArchive {
  private final Path root;
  private final String container;

  /** @param root the container's rootfs as the daemon sees it (mounted) */
  public ContainerArchive(Path root) {
    this(root, "");
  }

  /**
   * @param root the container's rootfs as the daemon sees it (mounted)
   * @param container the container's name or id, for Docker's "Could not find the file /x in
   *     container web" message
   */
  public ContainerArchive(Path root, String container) {
    this.root = root;
    this.container = container == null ? "" : container;
  }

  /** Stats a container path; {@code NotFound} ("Could not find the file PATH in container NAME"). */
  public PathStat stat(String path) {
    try {
      Path host = resolve(path);
      Map<String, Object> st = lstat(host, path);
      int mode = (int) st.get("mode");
      String link = "";
      if ((mode & 0170000) == 0120000) {
        Path target = RootedPath.resolve(root, path, true);
        link = "/" + root.relativize(target);
      }
      return new PathStat(baseName(path), (long) st.get("size"), PathStat.goFileMode(mode),
          ((FileTime) st.get("lastModifiedTime")).toInstant(), link);
    } catch (IOException e) {
      throw new Internal("stat " + path + ": " + e.getMessage(), e);
    }
  }

  /** Writes a tar of {@code path} (and below, for a directory) named by its base name. */
  public void writePath(String path, OutputStream out) {
    try {
      Path host = resolve(path);
      lstat(host, path);
      String name = baseName(path);
      try (TarTreeWriter w = new TarTreeWriter(new NoClose(out), false)) {
        w.add(host, name.equals("/") ? "." : name);
      }
    } catch (IOException e) {
      throw new Internal("archive " + path + ": " + e.getMessage(), e);
    }
  }

  /** Writes a tar of the whole root filesystem (docker export), names relative to the root. */
  public void export(OutputStream out) {
    try (TarTreeWriter w = new TarTreeWriter(new NoClose(out), false)) {
      w.addChildren(root, "");
    } catch (IOException e) {
      throw new Internal("export " + root + ": " + e.getMessage(), e);
    }
  }

  /**
   * Extracts a tar (plain or compressed) into directory {@code path} (PUT archive). The
   * destination must exist and be a directory. Entries cannot leave the destination; symlinks met
   * on the way are resolved inside the root.
   *
   * @param noOverwriteDirNonDir refuse replacing a directory by a non-directory and vice versa
   * @param copyUidGid keep the tar's owners; otherwise everything belongs to root (0:0)
   */
  public void extract(String path, InputStream tar, boolean noOverwriteDirNonDir, boolean copyUidGid) {
    try {
      Path dest = RootedPath.resolve(root, path, true);
      if (!Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
        throw notFound(path);
      }
      if (!Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
        throw new InvalidArgument("extraction point is not a directory");
      }
      String base = root.relativize(dest).toString();
      int owner = copyUidGid ? -1 : 0;
      var opts = new TarExtractor.Options(false, noOverwriteDirNonDir, owner, owner);
      InputStream plain = berth.snapshot.LayerApplier.decompressed(new BufferedInputStream(tar, 64 * 1024));
      new TarExtractor(root, base, opts).extract(new TarArchiveInputStream(plain));
    } catch (IOException e) {
      throw new Internal("extract into " + path + ": " + e.getMessage(), e);
    }
  }

  private Path resolve(String path) throws IOException {
    boolean followLast = path.endsWith("/") || path.endsWith("/.");
    return RootedPath.resolve(root, path, followLast);
  }

  private Map<String, Object> lstat(Path host, String path) throws IOException {
    try {
      return Files.readAttributes(host, "unix:*", LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw notFound(path);
    }
  }

  private NotFound notFound(String path) {
    return new NotFound("Could not find the file " + path + " in container" + (container.isEmpty() ? "" : " " + container));
  }

  /** Go's filepath.Base: trailing slashes dropped, "/" for the root, "." for "" or ".". */
  static String baseName(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.isEmpty()) {
      return ".";
    }
    if (p.equals("/")) {
      return "/";
    }
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /** Lets TarTreeWriter finish the tar without closing the caller's stream. */
  private static final class NoClose extends java.io.FilterOutputStream {
    NoClose(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
