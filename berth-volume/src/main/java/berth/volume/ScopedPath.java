package berth.volume;

import berth.core.errors.InvalidArgument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a container path inside a rootfs the way the kernel would inside a chroot: symlinks
 * (absolute or with "..") never lead outside root. Hand-written because Java has no
 * openat2(RESOLVE_IN_ROOT); the same idea as securejoin in runc.
 */
public final class ScopedPath {
  private static final int MAX_LINKS = 255;

  private ScopedPath() {}

  /** The host path that containerPath names inside root; the last part need not exist. */
  public static Path resolve(Path root, String containerPath) throws IOException {
    Deque<String> todo = new ArrayDeque<>(parts(containerPath));
    List<String> done = new ArrayList<>();
    int links = 0;
    while (!todo.isEmpty()) {
      String part = todo.pollFirst();
      if (part.equals("..")) {
        if (!done.isEmpty()) {
          done.remove(done.size() - 1);
        }
        continue;
      }
      Path candidate = join(root, done).resolve(part);
      if (!Files.isSymbolicLink(candidate)) {
        done.add(part);
        continue;
      }
      if (++links > MAX_LINKS) {
        throw new InvalidArgument("too many levels of symbolic links in " + containerPath);
      }
      String target = Files.readSymbolicLink(candidate).toString();
      if (target.startsWith("/")) {
        done.clear();
      }
      List<String> tp = parts(target);
      for (int i = tp.size() - 1; i >= 0; i--) {
        todo.addFirst(tp.get(i));
      }
    }
    return join(root, done);
  }

  private static Path join(Path root, List<String> parts) {
    Path p = root;
    for (String s : parts) {
      p = p.resolve(s);
    }
    return p;
  }

  private static List<String> parts(String p) {
    List<String> out = new ArrayList<>();
    for (String s : p.split("/")) {
      if (!s.isEmpty() && !s.equals(".")) {
        out.add(s);
      }
    }
    return out;
  }

  static boolean isDirNoFollow(Path p) {
    return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
  }
}
