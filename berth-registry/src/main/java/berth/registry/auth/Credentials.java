package berth.registry.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A user and password from {@code Authorization: Basic ...}. */
public record Credentials(String user, String password) {
  /** Parses the header; null when it is absent or not Basic. */
  public static Credentials basic(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String s = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = s.indexOf(':');
      return colon < 0 ? null : new Credentials(s.substring(0, colon), s.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
