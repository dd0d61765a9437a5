package berth.cli;

/** A failure the CLI reports itself: the message goes to stderr, the code becomes the exit status. */
public final class CliError extends RuntimeException {
  private final int exitCode;

  public CliError(String message, int exitCode) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  public CliError(String message) {
    this(message, 1);
  }

  public int exitCode() {
    return exitCode;
  }
}
