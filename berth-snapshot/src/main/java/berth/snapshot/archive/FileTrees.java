package berth.snapshot.archive;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Recursive delete and sorted listing without ever following a symlink. */
public final class FileTrees {
  private FileTrees() {}

  /** Deletes {@code p} and, if it is a real directory, everything below; absent is fine. */
  public static void deleteRecursively(Path p) throws IOException {
    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      for (Path child : sortedChildren(p)) {
        deleteRecursively(child);
      }
    }
    Files.deleteIfExists(p);
  }

  /** The directory's entries sorted by name (byte order for ASCII, as Go's filepath.Walk). */
  public static List<Path> sortedChildren(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      ds.forEach(out::add);
    }
    out.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    return out;
  }
}
