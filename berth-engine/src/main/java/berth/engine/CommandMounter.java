package berth.engine;

import berth.core.errors.Internal;
import berth.snapshot.Mount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Mounts with util-linux mount(8)/umount(8). Written here, not taken from the storage module,
 * because the engine only needs these three operations and must not wait on another seam; a
 * syscall-based mounter can replace it behind {@link RootfsMounter}.
 */
public final class CommandMounter implements RootfsMounter {
  @Override
  public void mount(List<Mount> mounts, Path target) {
    for (Mount m : mounts) {
      List<String> cmd = new ArrayList<>(List.of("mount", "-t", m.type()));
      List<String> opts = new ArrayList<>(m.options());
      if (m.type().equals("bind")) {
        cmd = new ArrayList<>(List.of("mount"));
        if (!opts.contains("bind") && !opts.contains("rbind")) {
          opts.add(0, "bind");
        }
      }
      if (!opts.isEmpty()) {
        cmd.add("-o");
        cmd.add(String.join(",", opts));
      }
      cmd.add(m.source());
      cmd.add(target.toString());
      run(cmd, "mount " + m.type() + " at " + target);
    }
  }

  @Override
  public void unmount(Path target) {
    while (isMounted(target)) {
      try {
        run(List.of("umount", target.toString()), "unmount " + target);
      } catch (Internal e) {
        run(List.of("umount", "-l", target.toString()), "unmount " + target);
      }
    }
  }

  @Override
  public boolean isMounted(Path target) {
    String t = target.toAbsolutePath().normalize().toString();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        String[] f = line.split(" ");
        if (f.length > 4 && unescape(f[4]).equals(t)) {
          return true;
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  private static String unescape(String s) {
    return s.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
  }

  private static void run(List<String> cmd, String what) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new Internal(what + ": timed out");
      }
      if (p.exitValue() != 0) {
        throw new Internal(what + ": " + new String(out, StandardCharsets.UTF_8).strip());
      }
    } catch (IOException e) {
      throw new Internal(what + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Internal(what + ": interrupted", e);
    }
  }
}
