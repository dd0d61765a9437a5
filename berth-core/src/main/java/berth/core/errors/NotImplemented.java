package berth.core.errors;

/** A feature Berth does not offer (HTTP 501). */
public final class NotImplemented extends BerthException {
  public NotImplemented(String message) {
    super(message, null);
  }

  public NotImplemented(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int status() {
    return 501;
  }

}
