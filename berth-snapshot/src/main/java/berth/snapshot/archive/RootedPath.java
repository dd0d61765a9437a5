package berth.snapshot.archive;

import berth.core.errors.InvalidArgument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves paths inside a root directory as if the process were chrooted there: absolute symlink
 * targets start again at the root, {@code ..} stops at the root. The result is always the root
 * plus plain components, so it cannot name anything outside (Docker's FollowSymlinkInScope).
 * A concurrent writer in the tree can still race the caller; callers use this on trees they
 * control (unpacking) or on a container's rootfs, as Docker does.
 */
public final class RootedPath {
  private static final int MAX_LINKS = 255;

  private RootedPath() {}

  /**
   * Resolves {@code path} (absolute or relative, '/'-separated) under {@code root}.
   *
   * @param followLast whether a symlink in the last component is followed too
   */
  public static Path resolve(Path root, String path, boolean followLast) throws IOException {
    Deque<String> todo = new ArrayDeque<>(components(path));
    List<String> done = new ArrayList<>();
    int links = 0;
    while (!todo.isEmpty()) {
      String c = todo.pop();
      if (c.equals("..")) {
        if (!done.isEmpty()) {
          done.removeLast();
        }
        continue;
      }
      Path cur = join(root, done).resolve(c);
      boolean last = todo.isEmpty();
      if ((!last || followLast) && Files.isSymbolicLink(cur)) {
        if (++links > MAX_LINKS) {
          throw new IOException("too many levels of symbolic links: " + path);
        }
        String target = Files.readSymbolicLink(cur).toString();
        if (target.startsWith("/")) {
          done.clear();
        }
        List<String> more = components(target);
        for (int i = more.size() - 1; i >= 0; i--) {
          todo.push(more.get(i));
        }
      } else {
        done.add(c);
      }
    }
    return join(root, done);
  }

  /**
   * Cleans a tar entry name lexically: drops leading '/', '.' parts and resolves '..'. Names that
   * climb above the root are refused (Docker calls that a breakout). Returns "" for the root.
   */
  public static String clean(String name) {
    List<String> out = new ArrayList<>();
    for (String c : name.split("/")) {
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        if (out.isEmpty()) {
          throw new InvalidArgument("invalid tar entry " + quote(name) + ": path is outside of the target");
        }
        out.removeLast();
      } else {
        out.add(c);
      }
    }
    return String.join("/", out);
  }

  static String quote(String s) {
    return "\"" + s + "\"";
  }

  private static List<String> components(String path) {
    List<String> out = new ArrayList<>();
    for (String c : path.split("/")) {
      if (!c.isEmpty() && !c.equals(".")) {
        out.add(c);
      }
    }
    return out;
  }

  private static Path join(Path root, List<String> parts) {
    Path p = root;
    for (String s : parts) {
      p = p.resolve(s);
    }
    return p;
  }
}
