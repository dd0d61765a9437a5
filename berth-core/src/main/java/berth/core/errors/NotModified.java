package berth.core.errors;

/** Nothing to do: starting a running container, stopping a stopped one (HTTP 304). */
public final class NotModified extends BerthException {
  public NotModified(String message) {
    super(message, null);
  }

  public NotModified(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int status() {
    return 304;
  }

}
