package berth.core.errors;

/**
 * Root of Berth's error family. Each subclass is a <em>class of failure</em> with one HTTP status,
 * mapped in exactly one place (the API's error mapper) and mapped back by the client.
 * Messages use Docker's wording where Docker has one, because clients show them verbatim.
 */
public abstract sealed class BerthException extends RuntimeException
    permits NotFound, InvalidArgument, Conflict, NotModified, Unauthorized, Forbidden,
        Unavailable, NotImplemented, Internal {

  protected BerthException(String message, Throwable cause) {
    super(message, cause, false, true);
  }

  /** HTTP status code this class of failure maps to. */
  public abstract int status();
}
