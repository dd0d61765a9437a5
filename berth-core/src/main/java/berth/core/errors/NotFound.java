package berth.core.errors;

/** The object asked for does not exist: container, image, exec, network, volume (HTTP 404). */
public final class NotFound extends BerthException {
  public NotFound(String message) {
    super(message, null);
  }

  public NotFound(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public int status() {
    return 404;
  }

  public static NotFound container(String ref) {
    return new NotFound("No such container: " + ref);
  }

  public static NotFound image(String ref) {
    return new NotFound("No such image: " + ref);
  }

  public static NotFound exec(String id) {
    return new NotFound("No such exec instance: " + id);
  }
}
