package berth.client;

import berth.core.errors.BerthException;
import berth.core.errors.Conflict;
import berth.core.errors.Forbidden;
import berth.core.errors.Internal;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import berth.core.errors.NotImplemented;
import berth.core.errors.NotModified;
import berth.core.errors.Unauthorized;
import berth.core.errors.Unavailable;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/**
 * The inverse of the server's error mapper: an HTTP status and Docker's {@code {"message": ...}}
 * body back into the error family, so callers can tell a conflict from a missing object.
 */
public final class ApiErrors {
  private ApiErrors() {}

  public static BerthException fromResponse(int status, byte[] body) {
    return fromStatus(status, message(status, body));
  }

  public static BerthException fromStatus(int status, String message) {
    return switch (status) {
      case 304 -> new NotModified(message);
      case 400 -> new InvalidArgument(message);
      case 401 -> new Unauthorized(message);
      case 403 -> new Forbidden(message);
      case 404 -> new NotFound(message);
      case 409 -> new Conflict(message);
      case 501 -> new NotImplemented(message);
      case 503 -> new Unavailable(message);
      default -> new Internal(message);
    };
  }

  /** Docker's JSON message when present, else the raw text, else the status itself. */
  static String message(int status, byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8).trim();
    if (text.startsWith("{")) {
      try {
        JsonNode node = JsonTrees.parse(text.getBytes(StandardCharsets.UTF_8));
        if (node.hasNonNull("message")) {
          return node.get("message").asText();
        }
      } catch (Exception ignored) {
        // not JSON after all: fall through to the raw text
      }
    }
    if (!text.isEmpty()) {
      return text;
    }
    return switch (status) {
      case 304 -> "not modified";
      default -> "HTTP status " + status;
    };
  }
}
