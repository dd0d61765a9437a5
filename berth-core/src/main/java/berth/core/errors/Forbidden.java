package berth.core.errors;

/** Never allowed as asked (HTTP 403). */
public final class Forbidden extends BerthException {
  public Forbidden(String message) {
    super(message, null);
  }

  public Forbidden(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int status() {
    return 403;
  }

}
