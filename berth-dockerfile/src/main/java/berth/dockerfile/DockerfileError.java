package berth.dockerfile;

/**
 * Where a Dockerfile error is: attached as the cause of the {@link berth.core.errors.InvalidArgument}
 * that {@link Dockerfile#parse} throws, so a caller can point at file and line (e.g. a CLI's
 * "Dockerfile:3" excerpt) while the exception's message stays Docker's own sentence.
 */
public final class DockerfileError extends RuntimeException {
  private final String fileName;
  private final int line;
  private final String detail;

  DockerfileError(String fileName, int line, String detail) {
    super(fileName + ":" + line + ": " + detail, null, false, false);
    this.fileName = fileName;
    this.line = line;
    this.detail = detail;
  }

  /** The Dockerfile's name as given to {@link Dockerfile#parse}. */
  public String fileName() {
    return fileName;
  }

  /** 1-based line the error is on. */
  public int line() {
    return line;
  }

  /** The error without the location prefix, e.g. {@code unknown instruction: FOO}. */
  public String detail() {
    return detail;
  }

  /**
   * The location of a parse failure, or null when {@code e} did not come from the parser.
   */
  public static DockerfileError of(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DockerfileError d) {
        return d;
      }
    }
    return null;
  }
}
