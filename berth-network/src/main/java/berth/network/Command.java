package berth.network;

import berth.core.errors.Internal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Runs a host tool (ip, iptables, umount, a CNI plugin) and returns its output; fails with its stderr. */
final class Command {
  private Command() {}

  record Result(int exit, String stdout, String stderr) {}

  static Result run(List<String> argv, Map<String, String> env, byte[] stdin) {
    ProcessBuilder pb = new ProcessBuilder(argv);
    if (env != null) {
      pb.environment().putAll(env);
    }
    try {
      Process p = pb.start();
      try (var in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin);
        }
      }
      byte[][] errBuf = new byte[1][];
      Thread err = Thread.ofVirtual().start(() -> {
        try {
          errBuf[0] = p.getErrorStream().readAllBytes();
        } catch (IOException e) {
          errBuf[0] = new byte[0];
        }
      });
      byte[] out = p.getInputStream().readAllBytes();
      int exit = p.waitFor();
      err.join();
      return new Result(exit, new String(out, StandardCharsets.UTF_8),
          new String(errBuf[0], StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new Internal("run " + argv.getFirst() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Internal("interrupted running " + argv.getFirst(), e);
    }
  }

  /** Runs and requires exit 0. */
  static String check(String... argv) {
    Result r = run(List.of(argv), null, null);
    if (r.exit() != 0) {
      throw new Internal(String.join(" ", argv) + ": exit " + r.exit() + ": " + r.stderr().strip());
    }
    return r.stdout();
  }

  /** Runs and reports whether it exited 0; for idempotent deletes and existence checks. */
  static boolean quiet(String... argv) {
    return run(List.of(argv), null, null).exit() == 0;
  }
}
