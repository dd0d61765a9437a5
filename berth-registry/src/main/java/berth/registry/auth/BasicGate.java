package berth.registry.auth;

import berth.registry.http.Request;
import berth.registry.spec.ErrorCode;
import java.util.List;

/**
 * htpasswd mode: Basic credentials on every request. Wrong or missing ones get 401 UNAUTHORIZED
 * with {@code WWW-Authenticate: Basic realm="..."}; an account the access rules do not allow gets
 * 403 DENIED.
 */
public final class BasicGate implements AccessGate {
  private final Htpasswd users;
  private final String realm;
  private final List<AccessRule> rules;

  public BasicGate(Htpasswd users, String realm, List<AccessRule> rules) {
    this.users = users;
    this.realm = realm;
    this.rules = rules;
  }

  @Override
  public void check(Request req, List<Access> needed) {
    Credentials c = Credentials.basic(req.header("Authorization"));
    if (c == null || !users.check(c.user(), c.password())) {
      throw ErrorCode.UNAUTHORIZED.error(c == null ? "authentication required" : "invalid username or password")
          .header("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
    }
    for (Access a : needed) {
      if (!AccessRule.permitted(rules, c.user(), a).containsAll(a.actions())) {
        throw ErrorCode.DENIED.error("requested access to the resource is denied", List.of(a.toString()));
      }
    }
  }
}
