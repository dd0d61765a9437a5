package berth.core.errors;

/** A registry refused the credentials (HTTP 401). */
public final class Unauthorized extends BerthException {
  public Unauthorized(String message) {
    super(message, null);
  }

  public Unauthorized(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int status() {
    return 401;
  }

}
