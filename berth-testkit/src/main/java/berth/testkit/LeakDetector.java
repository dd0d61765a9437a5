package berth.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds what a daemon left behind once it stopped: runc state, conmon or runc processes, mounts
 * and cgroups. Each finding is reported and then cleaned up, so one leaky class cannot break the
 * classes after it.
 */
final class LeakDetector {
  private static final Path CGROUP = Path.of("/sys/fs/cgroup");

  private LeakDetector() {}

  /** runc's view of live containers under the daemon's runc root (must be empty after rm -f). */
  static List<String> runcContainers(Path execRoot) {
    Path root = execRoot.resolve("runc");
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    ExecResult r = ProcessRunner.run(List.of("runc", "--root", root.toString(), "list", "-q"), Map.of(), null,
        Duration.ofSeconds(20));
    return r.out().lines().filter(l -> !l.isBlank()).toList();
  }

  /** Processes (conmon, runc, a container's init under conmon) whose command line names our roots. */
  static List<ProcessHandle> processesUnder(Path base) {
    String needle = base.toString();
    long self = ProcessHandle.current().pid();
    try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
      return all.filter(p -> p.pid() != self).filter(p -> cmdline(p.pid()).contains(needle)).toList();
    }
  }

  static String cmdline(long pid) {
    try {
      byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
      return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
    } catch (IOException e) {
      return "";
    }
  }

  /** Mount points at or below base, deepest first (the order to unmount them). */
  static List<String> mountsUnder(Path base) {
    String prefix = base.toString();
    try {
      return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
          .map(l -> unescape(l.split(" ")[4]))
          .filter(m -> m.equals(prefix) || m.startsWith(prefix + "/"))
          .sorted(Comparator.comparingInt(String::length).reversed())
          .toList();
    } catch (IOException e) {
      return List.of("(cannot read /proc/self/mountinfo: " + e + ")");
    }
  }

  /** mountinfo escapes space, tab, newline and backslash as \ooo. */
  private static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\\' && i + 3 < s.length()) {
        b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        b.append(s.charAt(i));
      }
    }
    return b.toString();
  }

  /** Cgroup dirs /sys/fs/cgroup/[ctrl/]berth/<id> still present for the given container ids. */
  static List<Path> cgroupsOf(Set<String> ids) {
    List<Path> parents = new ArrayList<>();
    parents.add(CGROUP.resolve("berth"));
    try (Stream<Path> ctrls = Files.list(CGROUP)) {
      ctrls.filter(Files::isDirectory).forEach(c -> parents.add(c.resolve("berth")));
    } catch (IOException e) {
      return List.of();
    }
    List<Path> found = new ArrayList<>();
    for (Path p : parents) {
      for (String id : ids) {
        if (Files.isDirectory(p.resolve(id))) {
          found.add(p.resolve(id));
        }
      }
    }
    return found;
  }

  /** Kills, unmounts and removes what the checks found so later classes start clean. */
  static void cleanUp(Path base, List<ProcessHandle> procs, List<String> mounts, List<Path> cgroups) {
    procs.forEach(ProcessHandle::destroyForcibly);
    for (String m : mounts) {
      ProcessRunner.run(List.of("umount", "-l", m), Map.of(), null, Duration.ofSeconds(20));
    }
    for (Path cg : cgroups) {
      try {
        Files.deleteIfExists(cg);
      } catch (IOException ignored) {
        // still busy: reported already, nothing more to do from here
      }
    }
  }

  /** rm -rf that refuses to cross into anything still mounted (checked just before). */
  static void deleteTree(Path base) {
    if (!mountsUnder(base).isEmpty() || !Files.exists(base)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(base)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // best effort: a leftover temp dir is not worth failing the run
        }
      });
    } catch (IOException ignored) {
      // as above
    }
  }
}
