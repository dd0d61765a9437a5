package berth.cli.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Local trees to and from tar streams for {@code cp}. Extraction refuses entries that would land
 * outside the destination (".." or absolute names), since the tar comes from a container.
 */
public final class TarTrees {
  private TarTrees() {}

  /**
   * Extracts a docker archive whose entries start with {@code base}: into {@code dest} if it is a
   * directory, else renaming {@code base} to {@code dest}. Returns the bytes of file data written.
   */
  public static long extract(InputStream tar, Path dest, String base) throws IOException {
    boolean intoDir = Files.isDirectory(dest);
    Path root = (intoDir ? dest : dest.toAbsolutePath().getParent()).toAbsolutePath().normalize();
    long bytes = 0;
    TarArchiveInputStream in = new TarArchiveInputStream(tar);
    TarArchiveEntry e;
    while ((e = in.getNextEntry()) != null) {
      String name = trim(e.getName());
      Path target;
      if (intoDir) {
        target = dest.resolve(name);
      } else {
        String rel = name.equals(base) ? "" : name.startsWith(base + "/") ? name.substring(base.length()) : "/" + name;
        target = Path.of(dest.toString() + rel);
      }
      target = target.toAbsolutePath().normalize();
      if (!target.startsWith(root)) {
        throw new IOException("refusing to extract " + e.getName() + " outside " + root);
      }
      bytes += write(in, e, target);
    }
    return bytes;
  }

  private static long write(TarArchiveInputStream in, TarArchiveEntry e, Path target) throws IOException {
    if (target.getParent() != null) {
      Files.createDirectories(target.getParent());
    }
    if (e.isDirectory()) {
      if (!Files.isDirectory(target)) {
        Files.createDirectories(target);
      }
    } else if (e.isSymbolicLink()) {
      Files.deleteIfExists(target);
      Files.createSymbolicLink(target, Path.of(e.getLinkName()));
      return 0;
    } else if (e.isLink()) {
      Files.deleteIfExists(target);
      Files.createLink(target, target.getParent().resolve(Path.of(e.getLinkName()).getFileName()));
      return 0;
    } else if (e.isFile()) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } else {
      return 0; // devices and fifos are not recreated by a non-archive copy
    }
    Files.setPosixFilePermissions(target, permissions(e.getMode()));
    Files.setLastModifiedTime(target, FileTime.from(e.getLastModifiedTime().toInstant()));
    return e.isFile() ? e.getSize() : 0;
  }

  /** Tars {@code src} with its top entry renamed to {@code rootName}; returns file bytes written. */
  public static long write(Path src, String rootName, OutputStream out, boolean followLinks) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    long[] bytes = {0};
    Path start = followLinks ? src.toRealPath() : src;
    Files.walkFileTree(start, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        add(tar, dir, name(start, dir, rootName) + "/", bytes);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        add(tar, file, name(start, file, rootName), bytes);
        return FileVisitResult.CONTINUE;
      }
    });
    tar.finish();
    tar.flush();
    return bytes[0];
  }

  private static String name(Path start, Path p, String rootName) {
    String rel = start.relativize(p).toString();
    return rel.isEmpty() ? rootName : rootName + "/" + rel;
  }

  private static void add(TarArchiveOutputStream tar, Path p, String name, long[] bytes) throws IOException {
    TarArchiveEntry e;
    if (Files.isSymbolicLink(p)) {
      e = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
      e.setLinkName(Files.readSymbolicLink(p).toString());
    } else {
      e = new TarArchiveEntry(p, name, LinkOption.NOFOLLOW_LINKS);
    }
    e.setMode((e.getMode() & ~0777) | mode(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
    tar.putArchiveEntry(e);
    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      bytes[0] += Files.copy(p, tar);
    }
    tar.closeArchiveEntry();
  }

  private static int mode(Set<PosixFilePermission> perms) {
    int m = 0;
    for (PosixFilePermission p : perms) {
      m |= 1 << (8 - p.ordinal());
    }
    return m;
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] all = PosixFilePermission.values();
    for (int i = 0; i < 9; i++) {
      if ((mode & (1 << (8 - i))) != 0) {
        out.add(all[i]);
      }
    }
    return out;
  }

  private static String trim(String name) {
    String n = name;
    while (n.startsWith("./")) {
      n = n.substring(2);
    }
    while (n.startsWith("/")) {
      n = n.substring(1);
    }
    while (n.endsWith("/")) {
      n = n.substring(0, n.length() - 1);
    }
    return n;
  }
}
