package berth.engine;

import berth.api.model.FilesystemChange;
import berth.snapshot.Mount;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * GET /containers/{id}/changes from the overlay upper dir: a whiteout (char device 0/0) is a
 * deletion, a path also present in a lower layer a modification, anything else an addition.
 */
final class ContainerChanges {
  static final int MODIFIED = 0;
  static final int ADDED = 1;
  static final int DELETED = 2;

  private ContainerChanges() {}

  /** Mount points the runtime creates in the rootfs; Docker keeps them in an init layer, out of diff. */
  static final List<String> RUNTIME_MOUNT_POINTS = List.of("/etc/hostname", "/etc/hosts", "/etc/resolv.conf",
      "/proc", "/sys", "/sys/fs/cgroup", "/dev", "/dev/pts", "/dev/shm", "/dev/mqueue", "/sbin/docker-init");

  /**
   * The changes without the mount points the engine's mounts created (empty files or dirs added
   * for binds), and without directories that changed only because such a mount point was added.
   */
  static List<FilesystemChange> withoutMountPoints(List<FilesystemChange> all, java.util.Collection<String> points) {
    java.util.Set<String> hidden = new java.util.HashSet<>();
    for (FilesystemChange c : all) {
      if (c.kind() == ADDED && points.contains(c.path())) {
        hidden.add(c.path());
      }
    }
    List<FilesystemChange> out = new ArrayList<>();
    for (FilesystemChange c : all) {
      if (hidden.contains(c.path())) {
        continue;
      }
      String prefix = c.path() + "/";
      boolean onlyMountPoints = c.kind() == MODIFIED
          && all.stream().anyMatch(x -> x.path().startsWith(prefix))
          && all.stream().filter(x -> x.path().startsWith(prefix)).allMatch(x -> hidden.contains(x.path()));
      if (!onlyMountPoints) {
        out.add(c);
      }
    }
    return out;
  }

  static List<FilesystemChange> of(Path upper, List<Mount> mounts) throws IOException {
    List<Path> lowers = lowerDirs(mounts);
    List<FilesystemChange> out = new ArrayList<>();
    if (!Files.isDirectory(upper)) {
      return out;
    }
    Files.walkFileTree(upper, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
        if (!dir.equals(upper)) {
          add(dir);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        add(file);
        return FileVisitResult.CONTINUE;
      }

      private void add(Path p) {
        String rel = "/" + upper.relativize(p).toString();
        int kind;
        if (isWhiteout(p)) {
          kind = DELETED;
        } else {
          kind = lowers.stream().anyMatch(l -> Files.exists(l.resolve(rel.substring(1)), LinkOption.NOFOLLOW_LINKS))
              ? MODIFIED : ADDED;
        }
        out.add(new FilesystemChange(rel, kind));
      }
    });
    out.sort(Comparator.comparing(FilesystemChange::path));
    return out;
  }

  private static boolean isWhiteout(Path p) {
    try {
      Object rdev = Files.getAttribute(p, "unix:rdev", LinkOption.NOFOLLOW_LINKS);
      Object mode = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      boolean charDev = (((Integer) mode) & 0170000) == 0020000;
      return charDev && ((Long) rdev) == 0L;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  private static List<Path> lowerDirs(List<Mount> mounts) {
    List<Path> out = new ArrayList<>();
    for (Mount m : mounts) {
      for (String o : m.options()) {
        if (o.startsWith("lowerdir=")) {
          for (String d : o.substring(9).split(":")) {
            out.add(Path.of(d));
          }
        }
      }
    }
    return out;
  }
}
