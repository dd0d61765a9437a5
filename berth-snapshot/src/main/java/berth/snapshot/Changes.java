package berth.snapshot;

import berth.core.linux.Syscalls;
import berth.snapshot.archive.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code docker diff} from an overlay upper dir and the snapshot's lower dirs, the way Docker's
 * overlay driver computes it: walk the upper dir in name order; a whiteout device is a deletion
 * (D); a path also in a lower dir a change (C), except a directory whose size, mode and mtime
 * match the lower one; anything else an addition (A). The parent of every A or D is reported C
 * once, before its first child.
 */
public final class Changes {
  /** Docker's change kinds; {@link #code()} is the number the Engine API uses. */
  public enum Kind {
    MODIFIED("C", 0), ADDED("A", 1), DELETED("D", 2);

    private final String letter;
    private final int code;

    Kind(String letter, int code) {
      this.letter = letter;
      this.code = code;
    }

    public int code() {
      return code;
    }

    @Override
    public String toString() {
      return letter;
    }
  }

  /** One change: kind and absolute path inside the container. */
  public record Change(Kind kind, String path) {
    @Override
    public String toString() {
      return kind + " " + path;
    }
  }

  private Changes() {}

  /**
   * Lists the changes in {@code upper} relative to {@code lowers} (top-most first; order does not
   * change the answer). A missing upper dir has no changes.
   */
  public static List<Change> of(Path upper, List<Path> lowers) {
    List<Change> out = new ArrayList<>();
    if (!Files.isDirectory(upper)) {
      return out;
    }
    try {
      walk(upper, "", lowers, out, new HashSet<>());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The lower dirs of an overlay mount list ({@code lowerdir=a:b}), or empty. */
  public static List<Path> lowerDirs(List<Mount> mounts) {
    List<Path> out = new ArrayList<>();
    for (Mount m : mounts) {
      for (String o : m.options()) {
        if (o.startsWith("lowerdir=")) {
          for (String d : o.substring("lowerdir=".length()).split(":")) {
            out.add(Path.of(d));
          }
        }
      }
      if (m.type().equals("bind") && m.options().contains("ro")) {
        out.add(Path.of(m.source()));
      }
    }
    return out;
  }

  private static void walk(Path dir, String rel, List<Path> lowers, List<Change> out, Set<String> changedDirs)
      throws IOException {
    for (Path child : FileTrees.sortedChildren(dir)) {
      String path = rel + "/" + child.getFileName();
      Map<String, Object> st = Files.readAttributes(child, "unix:*", LinkOption.NOFOLLOW_LINKS);
      int type = (int) st.get("mode") & 0170000;
      boolean isDir = type == 0040000;
      Kind kind = classify(path, st, type, lowers);
      if (kind != null) {
        if (isDir) {
          changedDirs.add(path);
        }
        if (kind != Kind.MODIFIED) {
          String parent = rel.isEmpty() ? "/" : rel;
          if (!parent.equals("/") && changedDirs.add(parent)) {
            out.add(new Change(Kind.MODIFIED, parent));
          }
        }
        out.add(new Change(kind, path));
      } else if (isDir) {
        changedDirs.remove(path);
      }
      if (isDir) {
        walk(child, path, lowers, out, changedDirs);
      }
    }
  }

  /** The change for one upper-dir path, or null for a directory that only holds changes. */
  private static Kind classify(String path, Map<String, Object> st, int type, List<Path> lowers) throws IOException {
    if (type == Syscalls.S_IFCHR && (long) st.get("rdev") == 0) {
      return Kind.DELETED;
    }
    for (Path lower : lowers) {
      Path p = lower.resolve(path.substring(1));
      if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        Map<String, Object> ls = Files.readAttributes(p, "unix:*", LinkOption.NOFOLLOW_LINKS);
        if (type == 0040000 && ((int) ls.get("mode") & 0170000) == 0040000 && sameDir(st, ls)) {
          return null;
        }
        return Kind.MODIFIED;
      }
    }
    return Kind.ADDED;
  }

  private static boolean sameDir(Map<String, Object> a, Map<String, Object> b) {
    return a.get("size").equals(b.get("size")) && a.get("mode").equals(b.get("mode"))
        && sameTime((FileTime) a.get("lastModifiedTime"), (FileTime) b.get("lastModifiedTime"));
  }

  /** Equal, or equal seconds with either side at 0 ns (tar without sub-second times). */
  private static boolean sameTime(FileTime a, FileTime b) {
    var x = a.toInstant();
    var y = b.toInstant();
    return x.equals(y) || (x.getEpochSecond() == y.getEpochSecond() && (x.getNano() == 0 || y.getNano() == 0));
  }
}
