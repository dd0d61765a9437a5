package berth.testkit;

/** What a finished command left: its exit code and everything it wrote. */
public record ExecResult(String command, int exitCode, String out, String err) {

  /** Exit code used when the command was killed for exceeding its timeout. */
  public static final int TIMED_OUT = -1;

  /** Throws with the whole transcript unless the command exited 0; returns this for chaining. */
  public ExecResult ok() {
    if (exitCode != 0) {
      throw new AssertionError("command failed (exit " + exitCode + "): " + this);
    }
    return this;
  }

  /** Standard output without the trailing newline(s). */
  public String outTrim() {
    return out.strip();
  }

  @Override
  public String toString() {
    return command + "\n  exit: " + exitCode + "\n  stdout: " + clip(out) + "\n  stderr: " + clip(err);
  }

  private static String clip(String s) {
    return s.length() > 4000 ? s.substring(0, 4000) + "...(" + s.length() + " chars)" : s;
  }
}
