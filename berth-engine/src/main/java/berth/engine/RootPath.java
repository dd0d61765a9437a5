package berth.engine;

import berth.core.errors.InvalidArgument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Resolves a path as the container would see it, against its rootfs seen from the host: symlinks
 * are followed within the rootfs (an absolute target restarts at the rootfs, ".." stops at it),
 * so a container's symlink can never lead a copy to the host's files.
 */
final class RootPath {
  private static final int MAX_LINKS = 40;

  private RootPath() {}

  /** The host path for {@code path}; {@code followLast} also follows a symlink in the last element. */
  static Path resolve(Path root, String path, boolean followLast) {
    Deque<String> parts = new ArrayDeque<>();
    push(parts, path);
    Path cur = root;
    int links = 0;
    while (!parts.isEmpty()) {
      String p = parts.removeFirst();
      if (p.equals("..")) {
        cur = cur.equals(root) ? root : cur.getParent();
        continue;
      }
      Path next = cur.resolve(p);
      if (Files.isSymbolicLink(next) && (followLast || !parts.isEmpty())) {
        if (++links > MAX_LINKS) {
          throw new InvalidArgument("too many levels of symbolic links: " + path);
        }
        String target;
        try {
          target = Files.readSymbolicLink(next).toString();
        } catch (IOException e) {
          throw new InvalidArgument("read link " + path + ": " + e.getMessage());
        }
        if (target.startsWith("/")) {
          cur = root;
        }
        Deque<String> rest = new ArrayDeque<>();
        push(rest, target);
        while (!rest.isEmpty()) {
          parts.addFirst(rest.removeLast());
        }
        continue;
      }
      cur = next;
    }
    return cur;
  }

  /** The path inside the container for a host path under root. */
  static String inside(Path root, Path p) {
    String rel = root.relativize(p).toString();
    return "/" + rel;
  }

  private static void push(Deque<String> parts, String path) {
    for (String s : path.split("/")) {
      if (!s.isEmpty() && !s.equals(".")) {
        parts.addLast(s);
      }
    }
  }
}
