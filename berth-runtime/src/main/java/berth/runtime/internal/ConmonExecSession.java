package berth.runtime.internal;

import berth.runtime.ExecSession;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * An exec run by conmon in exec mode. Output and stdin go through the exec's own attach socket
 * (when attached); the pid and the exit code arrive on the sync pipe; resize goes to the exec's
 * ctl FIFO. When runc could not start the process the session ends at once with Docker's exit code
 * (127 not found, 126 not executable) and {@link #startError()} holds runc's message.
 */
public final class ConmonExecSession implements ExecSession {
  private final ConmonProcess conmon;
  private final SocketAttachSession attach;
  private final Path dir;
  private final Path exitFile;
  private final int pid;
  private final String startError;
  private Integer exitCode;

  public ConmonExecSession(ConmonProcess conmon, SocketAttachSession attach, Path dir, Path exitFile, int pid, String startError, Integer exitCode) {
    this.conmon = conmon;
    this.attach = attach;
    this.dir = dir;
    this.exitFile = exitFile;
    this.pid = pid;
    this.startError = startError;
    this.exitCode = exitCode;
  }

  /** Docker's exit code for a process runc could not start, from runc's message. */
  public static int startFailureCode(String message) {
    String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
    if (m.contains("executable file not found") || m.contains("no such file or directory") || m.contains("not a directory")) {
      return 127;
    }
    return 126;
  }

  @Override
  public int pid() {
    return pid;
  }

  @Override
  public String startError() {
    return startError;
  }

  @Override
  public int waitFor() throws InterruptedException {
    synchronized (this) {
      if (exitCode != null) {
        return exitCode;
      }
      try {
        ConmonProcess.SyncMessage m = conmon.next();
        if (m != null) {
          exitCode = m.data() < 0 ? startFailureCode(m.message()) : m.data();
        }
      } catch (IOException e) {
        // fall through to the exit file
      }
      if (exitCode == null) {
        conmon.waitFor();
        OptionalInt code = ExitFiles.readCode(exitFile);
        exitCode = code.isPresent() ? code.getAsInt() : -1;
      }
      conmon.waitFor(); // conmon exits right after reporting; it still removes its socket first
      conmon.detach();
      removeDir();
      return exitCode;
    }
  }

  /** The exec's files (spec, pid, exit file) are of no use once its exit code is known. */
  private void removeDir() {
    try (var walk = java.nio.file.Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.deleteIfExists(p);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // left for the container's delete
    }
  }

  @Override
  public void resize(int height, int width) {
    try {
      Fifo.write(dir.resolve("ctl"), "1 " + height + " " + width + "\n");
    } catch (IOException e) {
      // the exec has ended: nothing to resize, as Docker
    }
  }

  @Override
  public Frame read() throws IOException {
    return attach == null ? null : attach.read();
  }

  @Override
  public OutputStream stdin() {
    if (attach == null) {
      throw new IllegalStateException("exec not attached");
    }
    return attach.stdin();
  }

  @Override
  public void closeStdin() throws IOException {
    if (attach != null) {
      attach.closeStdin();
    }
  }

  @Override
  public void close() throws IOException {
    if (attach != null) {
      attach.close();
    }
  }
}
