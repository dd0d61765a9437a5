package berth.core.errors;

/** The daemon is shutting down or a dependency is unreachable (HTTP 503). */
public final class Unavailable extends BerthException {
  public Unavailable(String message) {
    super(message, null);
  }

  public Unavailable(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int status() {
    return 503;
  }

}
