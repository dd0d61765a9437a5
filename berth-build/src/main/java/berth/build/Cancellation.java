package berth.build;

/**
 * Lets the caller stop a build (the client went away): the build checks it between steps, and
 * the step running a container has that container killed, so the build ends promptly.
 */
public final class Cancellation {
  private volatile boolean cancelled;
  private volatile Runnable onCancel = () -> {};

  public void cancel() {
    cancelled = true;
    onCancel.run();
  }

  public boolean cancelled() {
    return cancelled;
  }

  void onCancel(Runnable r) {
    onCancel = r;
    if (cancelled) {
      r.run();
    }
  }
}
