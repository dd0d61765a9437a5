package berth.core.errors;

/** Everything else; always carries its cause (HTTP 500). */
public final class Internal extends BerthException {
  public Internal(String message) {
    super(message, null);
  }

  public Internal(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int status() {
    return 500;
  }

}
