package berth.runtime.internal;

import berth.core.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One conmon process and its sync pipe.
 *
 * <p>conmon reports through inherited pipe fds named by environment variables: {@code _OCI_SYNCPIPE}
 * ({"data": pid} after runc create/exec, {"data": exitCode} when an exec ends, a negative data plus
 * "message" on failure), {@code _OCI_ATTACHPIPE} (an exec's attach socket is ready) and
 * {@code _OCI_STARTPIPE} (conmon waits for a write before going on). Java's ProcessBuilder passes a
 * child only fds 0-2, so conmon is started through {@code sh}, which moves our stdout pipe to fd 3
 * and our stdin pipe to fd 4 before exec'ing conmon; conmon itself then points 0-2 at /dev/null.
 *
 * <p>conmon runs with {@code --sync} (no double fork): the JVM's child is conmon itself, living as
 * long as the container. Without it the intermediate parent exits at once and Java, on seeing its
 * child exit, drains and closes the stdout pipe — racing with the sync message that the
 * grandchild writes a moment later. conmon still calls setsid(), so it survives berthd.
 */
public final class ConmonProcess {
  private static final String WRAPPER = "exec 3>&1 4<&0 >/dev/null </dev/null; exec \"$@\"";

  private final Process process;
  private final BufferedReader sync;
  private final OutputStream start;
  private final StringBuilder stderr = new StringBuilder();
  private final Thread stderrReader;

  /** A message on the sync (or attach) pipe. */
  public record SyncMessage(int data, String message) {}

  private ConmonProcess(Process process) {
    this.process = process;
    this.sync = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.start = process.getOutputStream();
    this.stderrReader = Thread.ofVirtual().name("conmon-stderr-" + process.pid()).start(this::drainStderr);
  }

  /**
   * Starts conmon with {@code args}, in {@code cwd} (conmon drops stray files, such as "oom", there).
   * With {@code startPipe} conmon waits on fd 4 (see {@link #release}).
   */
  public static ConmonProcess start(Path conmon, List<String> args, Path cwd, boolean attachPipe, boolean startPipe)
      throws IOException {
    List<String> cmd = new ArrayList<>(List.of("/bin/sh", "-c", WRAPPER, "conmon", conmon.toString()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("_OCI_") || k.equals("LISTEN_PID") || k.equals("NOTIFY_SOCKET"));
    env.put("_OCI_SYNCPIPE", "3");
    if (attachPipe) {
      env.put("_OCI_ATTACHPIPE", "3");
    }
    if (startPipe) {
      env.put("_OCI_STARTPIPE", "4");
    }
    return new ConmonProcess(pb.start());
  }

  public long pid() {
    return process.pid();
  }

  /** Next message, or null once conmon closed the pipe (it exited or failed before reporting). */
  public SyncMessage next() throws IOException {
    String line = sync.readLine();
    while (line != null && line.isBlank()) {
      line = sync.readLine();
    }
    if (line == null) {
      return null;
    }
    JsonNode node = Json.MAPPER.readTree(line);
    JsonNode msg = node.get("message");
    return new SyncMessage(node.path("data").asInt(-1), msg == null ? null : msg.asText());
  }

  /** Writes to the start pipe; conmon reads it once at start-up and, for an attached exec, before running runc. */
  public void release() throws IOException {
    start.write('s');
    start.flush();
  }

  /** What conmon wrote on stderr before it detached (option errors, early failures). */
  public String stderr() {
    try {
      stderrReader.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (stderr) {
      return stderr.toString().strip();
    }
  }

  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Stops listening: closes our pipe ends. conmon keeps running. */
  public void detach() {
    try {
      sync.close();
    } catch (IOException ignored) {
      // nothing left to read
    }
    try {
      start.close();
    } catch (IOException ignored) {
      // conmon may be gone already
    }
  }

  private void drainStderr() {
    try (var in = process.getErrorStream()) {
      byte[] buf = new byte[4096];
      int n;
      while ((n = in.read(buf)) > 0) {
        synchronized (stderr) {
          if (stderr.length() < 16384) {
            stderr.append(new String(buf, 0, n, StandardCharsets.UTF_8));
          }
        }
      }
    } catch (IOException ignored) {
      // conmon closed it
    }
  }
}
