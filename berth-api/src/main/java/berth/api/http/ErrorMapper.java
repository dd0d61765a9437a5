package berth.api.http;

import berth.core.errors.BerthException;
import berth.core.errors.InvalidArgument;
import com.fasterxml.jackson.core.JacksonException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where a failure becomes an HTTP status and {@code {"message": ...}}. The core
 * error family carries its status; malformed JSON is a 400; anything else is a 500 whose cause
 * chain is logged, so a bug in one request never takes the server down.
 */
public final class ErrorMapper {
  private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

  private ErrorMapper() {}

  /** Status and message for a failure. */
  public record Mapped(int status, String message) {}

  public static Mapped map(Throwable t) {
    Throwable e = unwrap(t);
    if (e instanceof BerthException b) {
      if (b.status() >= 500) {
        LOG.warning("request failed: " + chain(b));
        LOG.log(Level.FINE, "request failure detail", b);
      }
      return new Mapped(b.status(), b.getMessage());
    }
    if (e instanceof JacksonException j) {
      return new Mapped(400, "invalid JSON: " + firstLine(j.getOriginalMessage()));
    }
    if (e instanceof IllegalArgumentException i && i.getMessage() != null) {
      InvalidArgument wrapped = new InvalidArgument(i.getMessage(), i);
      return new Mapped(wrapped.status(), wrapped.getMessage());
    }
    LOG.warning("unexpected failure: " + chain(e));
    LOG.log(Level.FINE, "unexpected failure detail", e);
    String msg = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return new Mapped(500, msg);
  }

  private static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof java.util.concurrent.CompletionException
        || e instanceof java.util.concurrent.ExecutionException
        || e instanceof java.io.UncheckedIOException && e.getCause() instanceof BerthException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** "msg: cause msg: root msg", for one log line. */
  public static String chain(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (!sb.isEmpty()) {
        sb.append(": ");
      }
      sb.append(c.getClass().getSimpleName()).append(' ').append(c.getMessage());
    }
    return sb.toString();
  }

  /** The first line of a parser's message (Jackson appends the source location on a second). */
  public static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
