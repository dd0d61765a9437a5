package berth.network;

import berth.core.errors.Internal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Persistent network namespaces: an empty file under {@code <execRoot>/netns/} with the namespace
 * bind-mounted on it, as {@code ip netns add} does under /run/netns. The engine puts the path in
 * the OCI spec's {@code linux.namespaces[type=network].path}; runc joins it.
 *
 * <p>Created by a short {@code unshare --net=<file>} child rather than unshare(2)/setns(2) through
 * FFM: namespace calls act on the calling OS thread, and JVM threads (virtual-thread carriers, GC,
 * JIT) must never wander into a container's namespace. A child process costs ~2 ms and cannot leak.
 */
public final class Netns {
  private final Path dir;

  public Netns(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public Path path(String containerId) {
    return dir.resolve(containerId);
  }

  /** Creates the namespace of {@code containerId} with loopback up; idempotent. */
  public Path create(String containerId) {
    Path p = path(containerId);
    if (isMounted(p)) {
      return p;
    }
    try {
      Files.createDirectories(dir);
      if (!Files.exists(p)) {
        Files.createFile(p);
      }
    } catch (IOException e) {
      throw new Internal("create netns file " + p + ": " + e.getMessage(), e);
    }
    try {
      Command.check("unshare", "--net=" + p, "ip", "link", "set", "lo", "up");
    } catch (RuntimeException e) {
      delete(containerId);
      throw e;
    }
    return p;
  }

  /** Unmounts and removes the namespace file; a missing one is fine. */
  public void delete(String containerId) {
    Path p = path(containerId);
    if (isMounted(p)) {
      // Lazy: a process still inside keeps the namespace alive, but the name goes now.
      Command.check("umount", "-l", p.toString());
    }
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new Internal("remove netns file " + p + ": " + e.getMessage(), e);
    }
  }

  /** Ids of every namespace file present (mounted or left half-made by a crash). */
  public List<String> list() {
    List<String> out = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (var s = Files.list(dir)) {
        s.forEach(f -> out.add(f.getFileName().toString()));
      } catch (IOException e) {
        throw new Internal("list " + dir + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** Runs a command inside the namespace (tests, diagnostics). */
  public static Command.Result exec(Path netns, List<String> argv) {
    List<String> full = new ArrayList<>(List.of("nsenter", "--net=" + netns));
    full.addAll(argv);
    return Command.run(full, null, null);
  }

  static boolean isMounted(Path p) {
    try {
      String target = p.toAbsolutePath().toString();
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        String[] f = line.split(" ");
        if (f.length > 4 && f[4].equals(target)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new Internal("read mountinfo: " + e.getMessage(), e);
    }
  }
}
