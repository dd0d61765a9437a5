package berth.registry.auth;

import berth.registry.http.Request;
import java.util.List;

/**
 * Decides, per request, whether its credentials allow what the route needs. {@code needed} empty
 * means "authenticated at all" (the {@code /v2/} ping).
 */
public interface AccessGate {
  /** Returns normally, or throws UNAUTHORIZED (with a challenge) or DENIED. */
  void check(Request req, List<Access> needed);

  /** Whether the request may also do {@code a} (a mount's source repository); never throws. */
  default boolean allows(Request req, Access a) {
    try {
      check(req, List.of(a));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** No authentication. */
  AccessGate OPEN = (req, needed) -> {};
}
