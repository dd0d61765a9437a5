package berth.volume;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/** Sums file sizes under a directory without following symlinks, each inode counted once. */
final class DirectorySize {
  private DirectorySize() {}

  static long of(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    long[] total = {0};
    Set<Object> seen = new HashSet<>();
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
          Object key = a.fileKey();
          if (key == null || seen.add(key)) {
            total[0] += a.size();
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // a file removed while we walk: count what is there
        }
      });
    } catch (IOException e) {
      return total[0];
    }
    return total[0];
  }
}
