package berth.core.errors;

/** The request is malformed or names something invalid (HTTP 400). */
public final class InvalidArgument extends BerthException {
  public InvalidArgument(String message) {
    super(message, null);
  }

  public InvalidArgument(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int status() {
    return 400;
  }

}
