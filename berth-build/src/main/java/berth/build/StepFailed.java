package berth.build;

/**
 * A RUN step whose command exited non-zero: Docker reports it in {@code errorDetail} with the
 * exit code, which the docker CLI turns into its own exit status.
 */
public final class StepFailed extends RuntimeException {
  private final int code;

  public StepFailed(String message, int code) {
    super(message, null, false, false);
    this.code = code;
  }

  /** The command's exit code. */
  public int code() {
    return code;
  }
}
