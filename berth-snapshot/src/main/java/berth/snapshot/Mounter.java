package berth.snapshot;

import berth.core.errors.Internal;
import berth.core.linux.ErrnoException;
import berth.core.linux.Syscalls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link Mount} records with {@code mount(2)} (no helper binaries) and takes them down.
 * Options that are mount flags ({@code ro}, {@code rbind}, {@code nosuid}...) become flags, the rest
 * is the filesystem's data string ({@code lowerdir=...,upperdir=...}). A read-only bind mount is a
 * bind followed by a read-only remount, as the kernel requires.
 *
 * <pre>{@code
 * Mounter m = new Mounter();
 * m.mount(snapshotter.mounts(containerId), rootfs);
 * ...
 * m.unmount(rootfs); // lazily (MNT_DETACH) if busy
 * }</pre>
 */
public final class Mounter {
  private static final Map<String, Long> SET = Map.ofEntries(
      Map.entry("ro", Syscalls.MS_RDONLY), Map.entry("bind", Syscalls.MS_BIND),
      Map.entry("rbind", Syscalls.MS_BIND | Syscalls.MS_REC), Map.entry("nosuid", Syscalls.MS_NOSUID),
      Map.entry("nodev", Syscalls.MS_NODEV), Map.entry("noexec", Syscalls.MS_NOEXEC));
  private static final List<String> CLEAR = List.of("rw", "suid", "dev", "exec", "defaults");

  /** Mounts each of {@code mounts} in order at {@code target} (an existing directory). */
  public void mount(List<Mount> mounts, Path target) {
    for (Mount m : mounts) {
      mountOne(m, target);
    }
  }

  private void mountOne(Mount m, Path target) {
    long flags = 0;
    List<String> data = new ArrayList<>();
    for (String o : m.options()) {
      if (SET.containsKey(o)) {
        flags |= SET.get(o);
      } else if (!CLEAR.contains(o)) {
        data.add(o);
      }
    }
    if (m.type().equals("bind")) {
      flags |= Syscalls.MS_BIND;
    }
    String t = target.toString();
    try {
      boolean bind = (flags & Syscalls.MS_BIND) != 0;
      String dataString = data.isEmpty() ? null : String.join(",", data);
      Syscalls.mount(m.source(), t, bind ? null : m.type(), bind ? flags & ~Syscalls.MS_RDONLY : flags, dataString);
      if (bind && (flags & Syscalls.MS_RDONLY) != 0) {
        Syscalls.mount(null, t, null, Syscalls.MS_REMOUNT | Syscalls.MS_BIND | Syscalls.MS_RDONLY
            | (flags & (Syscalls.MS_NOSUID | Syscalls.MS_NODEV | Syscalls.MS_NOEXEC)), null);
      }
    } catch (IOException e) {
      throw new Internal("mount " + m.type() + " at " + t + ": " + e.getMessage(), e);
    }
  }

  /** Unmounts everything stacked at {@code target}; lazily if busy; not mounted is fine. */
  public void unmount(Path target) {
    String t = target.toString();
    for (int i = 0; i < 32 && isMounted(target); i++) {
      try {
        Syscalls.umount2(t, 0);
      } catch (ErrnoException e) {
        if (e.errno() == Syscalls.EINVAL || e.errno() == Syscalls.ENOENT) {
          return;
        }
        detach(t, e);
      } catch (IOException e) {
        throw new Internal("unmount " + t + ": " + e.getMessage(), e);
      }
    }
  }

  private static void detach(String t, ErrnoException first) {
    try {
      Syscalls.umount2(t, Syscalls.MNT_DETACH);
    } catch (IOException e) {
      e.addSuppressed(first);
      throw new Internal("unmount " + t + ": " + e.getMessage(), e);
    }
  }

  /** Whether something is mounted exactly at {@code target} (from /proc/self/mountinfo). */
  public boolean isMounted(Path target) {
    String want = target.toAbsolutePath().normalize().toString();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        String[] f = line.split(" ");
        if (f.length > 4 && unescape(f[4]).equals(want)) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new Internal("read mountinfo: " + e.getMessage(), e);
    }
  }

  /** mountinfo escapes space, tab, newline and backslash as \ooo. */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 3 < s.length()) {
        b.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
