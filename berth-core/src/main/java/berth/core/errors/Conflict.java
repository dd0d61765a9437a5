package berth.core.errors;

/** The request conflicts with the current state: a name in use, a running container (HTTP 409). */
public final class Conflict extends BerthException {
  public Conflict(String message) {
    super(message, null);
  }

  public Conflict(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int status() {
    return 409;
  }

}
