package berth.cli;

/**
 * Docker's exit-code policy for {@code run}/{@code start}: 125 when the daemon refused, 126 when the
 * command cannot be invoked, 127 when it was not found. Docker infers the last two from the
 * start error's text, so we match the same phrases.
 */
public final class ExitCodes {
  public static final int DAEMON_ERROR = 125;
  public static final int CANNOT_INVOKE = 126;
  public static final int NOT_FOUND = 127;

  private ExitCodes() {}

  public static int forStartError(String message) {
    String m = message == null ? "" : message;
    if (m.contains("executable file not found") || m.contains("no such file or directory")
        || m.contains("system cannot find the file specified")) {
      return NOT_FOUND;
    }
    if (m.contains("permission denied") || m.contains("is a directory")) {
      return CANNOT_INVOKE;
    }
    return DAEMON_ERROR;
  }
}
