package berth.engine;

import berth.core.errors.InvalidArgument;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Tar in and out of a container's filesystem for export and the archive endpoints: modes, owners,
 * times, symlinks, hard links and device nodes as they are on disk. Written against the rootfs as
 * the host sees it, with every path of an extraction resolved inside the rootfs by {@link RootPath}.
 */
final class TarStreams {
  private static final int S_IFMT = 0170000;
  private static final int S_IFDIR = 0040000;
  private static final int S_IFLNK = 0120000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFIFO = 0010000;
  private static final int S_IFSOCK = 0140000;

  private TarStreams() {}

  static TarArchiveOutputStream open(OutputStream out) {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
    return tar;
  }

  /** Writes {@code src} (file or tree, links not followed) with entry names starting at {@code name}. */
  static void write(TarArchiveOutputStream tar, Path src, String name) throws IOException {
    Map<Object, String> seen = new HashMap<>();
    writeOne(tar, src, name, seen);
  }

  private static void writeOne(TarArchiveOutputStream tar, Path p, String name, Map<Object, String> seen)
      throws IOException {
    Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,size,lastModifiedTime,rdev,ino,dev,nlink",
        LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) a.get("mode");
    int type = mode & S_IFMT;
    if (type == S_IFSOCK) {
      return; // sockets are not archived, as in Docker
    }
    TarArchiveEntry e;
    boolean regular = false;
    if (type == S_IFDIR) {
      e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
    } else if (type == S_IFLNK) {
      e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
      e.setLinkName(Files.readSymbolicLink(p).toString());
    } else if (type == S_IFCHR || type == S_IFBLK || type == S_IFIFO) {
      e = new TarArchiveEntry(name, type == S_IFCHR ? TarConstants.LF_CHR
          : type == S_IFBLK ? TarConstants.LF_BLK : TarConstants.LF_FIFO);
      long rdev = (Long) a.get("rdev");
      e.setDevMajor((int) ((rdev >> 8) & 0xfff));
      e.setDevMinor((int) ((rdev & 0xff) | ((rdev >> 12) & 0xfff00)));
    } else {
      Object key = List.of(a.get("dev"), a.get("ino"));
      String first = ((Integer) a.get("nlink")) > 1 ? seen.putIfAbsent(key, name) : null;
      if (first != null) {
        e = new TarArchiveEntry(name, TarConstants.LF_LINK);
        e.setLinkName(first);
      } else {
        e = new TarArchiveEntry(name);
        e.setSize((Long) a.get("size"));
        regular = true;
      }
    }
    e.setMode(mode & 07777);
    e.setIds((Integer) a.get("uid"), (Integer) a.get("gid"));
    e.setModTime(((FileTime) a.get("lastModifiedTime")).toMillis());
    tar.putArchiveEntry(e);
    if (regular) {
      Files.copy(p, tar);
    }
    tar.closeArchiveEntry();
    if (type == S_IFDIR) {
      List<Path> children = new ArrayList<>();
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
        ds.forEach(children::add);
      }
      children.sort(null);
      String prefix = name.endsWith("/") ? name : name + "/";
      for (Path c : children) {
        writeOne(tar, c, prefix + c.getFileName(), seen);
      }
    }
  }

  /**
   * Extracts into {@code destInside} (a directory, as the container names it) under {@code root}.
   * Entry paths that leave the destination are refused.
   */
  static void extract(InputStream in, Path root, String destInside, boolean noOverwriteDirNonDir) throws IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    List<Object[]> dirTimes = new ArrayList<>();
    for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
      String rel = clean(e.getName());
      if (rel.isEmpty()) {
        continue;
      }
      Path target = RootPath.resolve(root, destInside + "/" + rel, false);
      boolean existsDir = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
      if (noOverwriteDirNonDir && Files.exists(target, LinkOption.NOFOLLOW_LINKS) && existsDir != e.isDirectory()) {
        throw new InvalidArgument(existsDir
            ? "cannot overwrite directory \"" + destInside + "/" + rel + "\" with non-directory"
            : "cannot overwrite non-directory \"" + destInside + "/" + rel + "\" with directory");
      }
      Files.createDirectories(target.getParent());
      if (e.isDirectory()) {
        if (!existsDir) {
          Files.deleteIfExists(target);
          Files.createDirectory(target);
        }
        dirTimes.add(new Object[] {target, e.getModTime().getTime()});
      } else {
        if (existsDir) {
          FileTrees.deleteQuietly(target);
        } else {
          Files.deleteIfExists(target);
        }
        if (e.isSymbolicLink()) {
          Files.createSymbolicLink(target, Path.of(e.getLinkName()));
        } else if (e.isLink()) {
          Files.createLink(target, RootPath.resolve(root, destInside + "/" + clean(e.getLinkName()), false));
        } else if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
          mknod(target, e);
        } else {
          Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      applyMeta(target, e);
    }
    for (Object[] d : dirTimes) {
      Files.setLastModifiedTime((Path) d[0], FileTime.fromMillis((Long) d[1]));
    }
  }

  private static void applyMeta(Path target, TarArchiveEntry e) throws IOException {
    Files.setAttribute(target, "unix:uid", (int) e.getLongUserId(), LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(target, "unix:gid", (int) e.getLongGroupId(), LinkOption.NOFOLLOW_LINKS);
    if (!e.isSymbolicLink()) {
      Files.setAttribute(target, "unix:mode", e.getMode() & 07777);
      if (!e.isDirectory()) {
        Files.setLastModifiedTime(target, FileTime.fromMillis(e.getModTime().getTime()));
      }
    }
  }

  private static void mknod(Path target, TarArchiveEntry e) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("mknod", target.toString()));
    if (e.isFIFO()) {
      cmd.add("p");
    } else {
      cmd.addAll(List.of(e.isCharacterDevice() ? "c" : "b", Integer.toString(e.getDevMajor()),
          Integer.toString(e.getDevMinor())));
    }
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (p.waitFor() != 0) {
        throw new IOException("mknod " + target + ": " + out.strip());
      }
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new IOException("mknod interrupted", ie);
    }
  }

  /** The entry path relative to the destination; one that would leave it is refused. */
  static String clean(String name) {
    List<String> out = new ArrayList<>();
    for (String s : name.split("/")) {
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      if (s.equals("..")) {
        if (out.isEmpty()) {
          throw new InvalidArgument("invalid tar entry path (leaves the destination): " + name);
        }
        out.remove(out.size() - 1);
      } else {
        out.add(s);
      }
    }
    return String.join("/", out);
  }
}
