package berth.compose;

/** A compose file, command line or project state Compose refuses; the message is shown as is. */
public final class ComposeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ComposeException(String message) {
    super(message);
  }

  public ComposeException(String message, Throwable cause) {
    super(message, cause);
  }
}
