package berth.runtime;

/** A process started in a running container: its stdio, its pid, and its exit code. */
public interface ExecSession extends AttachSession {
  /** Host pid of the exec'd process (0 until known). */
  int pid();

  /** Blocks until the process exits; returns its exit code. */
  int waitFor() throws InterruptedException;

  void resize(int height, int width);

  /** Why the runtime could not start the process (runc's message), or null when it started. */
  default String startError() {
    return null;
  }
}
