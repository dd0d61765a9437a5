package berth.build;

import berth.core.errors.InvalidArgument;
import berth.core.linux.Syscalls;
import berth.snapshot.archive.FileTrees;
import berth.snapshot.archive.RootedPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * Copies context files into a mounted root filesystem with COPY's rules: a directory's contents
 * (not the directory) go into the destination, symlinks are copied as links, permission bits and
 * modification times are kept (or {@code --chmod} replaces the bits), every file and directory
 * created is owned by the {@code --chown} user (root by default). Destination paths resolve as if
 * chrooted in the root, so a symlink in the image cannot lead a copy out of it.
 */
final class TreeCopier {
  private final Path root;
  private final int uid;
  private final int gid;
  private final Integer chmod;

  TreeCopier(Path root, int uid, int gid, Integer chmod) {
    this.root = root;
    this.uid = uid;
    this.gid = gid;
    this.chmod = chmod;
  }

  /** Creates {@code dir} (absolute in the root) and its missing parents; returns it on the host. */
  Path mkdirs(String dir) throws IOException {
    String clean = BuildContext.clean(dir);
    if (clean.equals(".")) {
      return root;
    }
    Path cur = root;
    StringBuilder so = new StringBuilder();
    for (String seg : clean.split("/")) {
      so.append('/').append(seg);
      Path p = RootedPath.resolve(root, so.toString(), true);
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectory(p);
        Syscalls.lchown(p.toString(), uid, gid);
        Syscalls.chmod(p.toString(), 0755);
      } else if (!Files.isDirectory(p)) {
        throw new InvalidArgument("failed to copy files: mkdir " + so + ": not a directory");
      }
      cur = p;
    }
    return cur;
  }

  /** Copies the contents of context directory {@code src} into {@code destDir} (absolute in the root). */
  void copyContents(Path src, String destDir) throws IOException {
    Path d = mkdirs(destDir);
    for (Path c : FileTrees.sortedChildren(src)) {
      copy(c, d.resolve(c.getFileName().toString()));
    }
    setTimes(d, Files.getLastModifiedTime(src, LinkOption.NOFOLLOW_LINKS));
  }

  /** Copies one context entry to {@code dest} (absolute in the root), replacing what is there. */
  void copyTo(Path src, String dest) throws IOException {
    String clean = BuildContext.clean(dest);
    int slash = clean.lastIndexOf('/');
    Path parent = mkdirs(slash < 0 ? "/" : "/" + clean.substring(0, slash));
    copy(src, parent.resolve(clean.substring(slash + 1)));
  }

  private void copy(Path src, Path target) throws IOException {
    boolean dir = Files.isDirectory(src, LinkOption.NOFOLLOW_LINKS);
    boolean existingDir = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !(dir && existingDir)) {
      FileTrees.deleteRecursively(target);
    }
    Map<String, Object> a = Files.readAttributes(src, "unix:mode,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) a.get("mode") & 07777;
    FileTime mtime = (FileTime) a.get("lastModifiedTime");
    String t = target.toString();
    if (Files.isSymbolicLink(src)) {
      Files.createSymbolicLink(target, Files.readSymbolicLink(src));
      Syscalls.lchown(t, uid, gid);
    } else if (dir) {
      if (!existingDir) {
        Files.createDirectory(target);
      }
      for (Path c : FileTrees.sortedChildren(src)) {
        copy(c, target.resolve(c.getFileName().toString()));
      }
      Syscalls.lchown(t, uid, gid);
      Syscalls.chmod(t, chmod != null ? chmod : mode);
    } else if (Files.isRegularFile(src, LinkOption.NOFOLLOW_LINKS)) {
      Files.copy(src, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
      Syscalls.lchown(t, uid, gid);
      Syscalls.chmod(t, chmod != null ? chmod : mode);
    } else {
      return; // sockets, devices and fifos in a context are not copied
    }
    setTimes(target, mtime);
  }

  private static void setTimes(Path p, FileTime mtime) throws IOException {
    java.time.Instant m = mtime.toInstant();
    Syscalls.lutimes(p.toString(), m.getEpochSecond(), m.getNano(), m.getEpochSecond(), m.getNano());
  }
}
