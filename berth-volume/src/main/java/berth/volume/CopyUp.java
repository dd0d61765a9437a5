package berth.volume;

import berth.core.errors.Internal;
import berth.core.linux.Syscalls;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Docker's copy-up: the first time an empty volume is mounted over a non-empty image directory,
 * the directory's content (owners, modes, xattrs, times, symlinks, hardlinks, device nodes) is
 * copied into the volume. The engine calls it before start with the container's rootfs.
 */
public final class CopyUp {
  private static final LinkOption NF = LinkOption.NOFOLLOW_LINKS;

  private CopyUp() {}

  /**
   * Copies rootfs:containerPath into volumeDir when volumeDir is empty and the image path is a
   * non-empty directory; also gives the volume root the directory's owner and mode, as Docker
   * does. Returns whether anything was copied.
   */
  public static boolean copyIfEmpty(Path rootfs, String containerPath, Path volumeDir) {
    try {
      Path src = ScopedPath.resolve(rootfs, containerPath);
      if (!ScopedPath.isDirNoFollow(src) || !isEmpty(volumeDir)) {
        return false;
      }
      boolean any = !isEmpty(src);
      new Copier().copyTree(src, volumeDir);
      return any;
    } catch (IOException e) {
      throw new Internal("copy image content of " + containerPath + " into volume: "
          + e.getMessage(), e);
    }
  }

  static boolean isEmpty(Path dir) throws IOException {
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      return !s.iterator().hasNext();
    }
  }

  /** One copy run; remembers inodes so hardlinks stay hardlinks. */
  private static final class Copier {
    private final Map<Object, Path> linked = new HashMap<>();

    void copyTree(Path src, Path dst) throws IOException {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(src)) {
        for (Path child : s) {
          copyEntry(child, dst.resolve(child.getFileName().toString()));
        }
      }
      copyMetadata(src, dst, true);
    }

    private void copyEntry(Path src, Path dst) throws IOException {
      Map<String, Object> a = Files.readAttributes(src, "unix:mode,nlink,ino,dev,rdev", NF);
      int mode = (Integer) a.get("mode");
      int type = mode & 0170000;
      if (type != 0040000 && (Integer) a.get("nlink") > 1) {
        Object key = a.get("dev") + ":" + a.get("ino");
        Path first = linked.putIfAbsent(key, dst);
        if (first != null) {
          Files.createLink(dst, first);
          return;
        }
      }
      switch (type) {
        case 0040000 -> {
          Files.createDirectory(dst);
          copyTree(src, dst);
          return;
        }
        case 0120000 -> Files.createSymbolicLink(dst, Files.readSymbolicLink(src));
        case 0100000 -> Files.copy(src, dst, StandardCopyOption.COPY_ATTRIBUTES, NF);
        default -> Syscalls.mknod(dst.toString(), mode, (Long) a.get("rdev"));
      }
      copyMetadata(src, dst, type != 0120000);
    }

    private static void copyMetadata(Path src, Path dst, boolean notLink) throws IOException {
      Map<String, Object> a = Files.readAttributes(src, "unix:uid,gid,mode,lastModifiedTime", NF);
      Syscalls.lchown(dst.toString(), (Integer) a.get("uid"), (Integer) a.get("gid"));
      for (String name : Syscalls.llistxattr(src.toString())) {
        var value = Syscalls.lgetxattr(src.toString(), name);
        if (value.isPresent()) {
          try {
            Syscalls.lsetxattr(dst.toString(), name, value.get(), 0);
          } catch (IOException e) {
            // an xattr namespace the volume's filesystem refuses (e.g. trusted.* overlay ones)
          }
        }
      }
      if (notLink) {
        // chmod after chown: chown clears setuid/setgid bits
        Syscalls.chmod(dst.toString(), (Integer) a.get("mode") & 07777);
        // lutimes, not Files.setLastModifiedTime: the JDK opens the file, which blocks on a fifo
        java.time.Instant t = ((FileTime) a.get("lastModifiedTime")).toInstant();
        Syscalls.lutimes(dst.toString(), t.getEpochSecond(), t.getNano(), t.getEpochSecond(),
            t.getNano());
      }
    }
  }
}
