package berth.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external command to completion with a deadline, feeding stdin and collecting both outputs. */
public final class ProcessRunner {
  private ProcessRunner() {}

  public static ExecResult run(List<String> command, Map<String, String> env, byte[] stdin, Duration timeout) {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    if (stdin == null) {
      pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    }
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("start " + command, e);
    }
    // Both pipes drain on their own threads so a chatty command cannot block on a full pipe.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Thread to = Thread.ofVirtual().start(() -> copy(p.getInputStream(), out));
    Thread te = Thread.ofVirtual().start(() -> copy(p.getErrorStream(), err));
    if (stdin != null) {
      Thread.ofVirtual().start(() -> feed(p.getOutputStream(), stdin));
    }
    int code;
    try {
      if (p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        code = p.exitValue();
      } else {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
        code = ExecResult.TIMED_OUT;
      }
      to.join(Duration.ofSeconds(5));
      te.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
    String shown = String.join(" ", command);
    if (code == ExecResult.TIMED_OUT) {
      shown += "   [TIMED OUT after " + timeout.toSeconds() + " s]";
    }
    return new ExecResult(shown, code, text(out), text(err));
  }

  private static String text(ByteArrayOutputStream b) {
    synchronized (b) {
      return b.toString(StandardCharsets.UTF_8);
    }
  }

  private static void copy(InputStream in, ByteArrayOutputStream sink) {
    byte[] buf = new byte[8192];
    try (in) {
      for (int n; (n = in.read(buf)) > 0; ) {
        synchronized (sink) {
          sink.write(buf, 0, n);
        }
      }
    } catch (IOException ignored) {
      // the process went away; what was read so far is the result
    }
  }

  private static void feed(OutputStream os, byte[] data) {
    try (os) {
      os.write(data);
    } catch (IOException ignored) {
      // the command stopped reading early (it exited); that is its business
    }
  }
}
