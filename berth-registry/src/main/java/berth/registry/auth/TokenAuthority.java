package berth.registry.auth;

import berth.registry.http.Request;
import berth.registry.spec.ErrorCode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Token mode, both halves: the token endpoint ({@link #issue}) that turns Basic credentials and
 * requested scopes into a signed JWT (HS256) carrying distribution's {@code access} claim, and the
 * gate that checks that claim on every registry request. Without a valid token the answer is 401
 * with {@code WWW-Authenticate: Bearer realm="...",service="...",scope="..."}, which sends docker,
 * skopeo and containerd to the endpoint.
 *
 * <pre>{@code
 * GET /v2/app/manifests/1 -> 401 Bearer realm="http://host/auth/token",service="berth-registry",scope="repository:app:pull"
 * GET /auth/token?service=berth-registry&scope=repository:app:pull  (Basic alice:...) -> {"token":"eyJ..."}
 * GET /v2/app/manifests/1 (Bearer eyJ...) -> 200
 * }</pre>
 */
public final class TokenAuthority implements AccessGate {
  private final String realm; // null: derived from the request's Host
  private final String service;
  private final String issuer;
  private final Htpasswd users;
  private final boolean anonymousPull;
  private final long ttlSeconds;
  private final List<AccessRule> rules;
  private final MACSigner signer;
  private final MACVerifier verifier;

  public TokenAuthority(String realm, String service, String issuer, Htpasswd users, boolean anonymousPull,
      long ttlSeconds, byte[] secret, List<AccessRule> rules) {
    this.realm = realm;
    this.service = service;
    this.issuer = issuer;
    this.users = users;
    this.anonymousPull = anonymousPull;
    this.ttlSeconds = ttlSeconds;
    this.rules = rules;
    try {
      this.signer = new MACSigner(secret);
      this.verifier = new MACVerifier(secret);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("token secret: " + e.getMessage(), e);
    }
  }

  public static final String PATH = "/auth/token";

  // ---- the gate

  @Override
  public void check(Request req, List<Access> needed) {
    String h = req.header("Authorization");
    if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw challenge(req, needed, null, "authentication required");
    }
    Map<String, Set<String>> granted;
    try {
      SignedJWT jwt = SignedJWT.parse(h.substring(7).trim());
      JWTClaimsSet c = jwt.getJWTClaimsSet();
      if (!jwt.verify(verifier) || !issuer.equals(c.getIssuer()) || !c.getAudience().contains(service)
          || c.getExpirationTime() == null || c.getExpirationTime().before(new Date())) {
        throw challenge(req, needed, "invalid_token", "invalid or expired token");
      }
      granted = grantedActions(c);
    } catch (ParseException | JOSEException e) {
      throw challenge(req, needed, "invalid_token", "invalid token");
    }
    for (Access a : needed) {
      Set<String> have = granted.getOrDefault(a.type() + ":" + a.name(), Set.of());
      if (!have.contains("*") && !have.containsAll(a.actions())) {
        throw challenge(req, needed, "insufficient_scope", "insufficient scope for " + a);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Set<String>> grantedActions(JWTClaimsSet c) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    Object access = c.getClaim("access");
    if (access instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && m.get("actions") instanceof List<?> actions) {
          Set<String> s = out.computeIfAbsent(m.get("type") + ":" + m.get("name"), k -> new LinkedHashSet<>());
          for (Object act : actions) {
            s.add(String.valueOf(act));
          }
        }
      }
    }
    return out;
  }

  private berth.registry.spec.RegistryException challenge(Request req, List<Access> needed, String error, String msg) {
    StringBuilder v = new StringBuilder("Bearer realm=\"").append(realm(req)).append("\",service=\"").append(service).append('"');
    if (!needed.isEmpty()) {
      v.append(",scope=\"").append(String.join(" ", needed.stream().map(Access::toString).toList())).append('"');
    }
    if (error != null) {
      v.append(",error=\"").append(error).append('"');
    }
    return ErrorCode.UNAUTHORIZED.error(msg, needed.isEmpty() ? null : needed.stream().map(Access::toString).toList())
        .header("WWW-Authenticate", v.toString());
  }

  private String realm(Request req) {
    if (realm != null) {
      return realm;
    }
    String host = req.header("Host");
    return req.scheme() + "://" + (host == null ? "localhost" : host) + PATH;
  }

  // ---- the endpoint

  /**
   * Answers a token request: GET with {@code service}, {@code scope}s and Basic credentials, or
   * POST (OAuth2 password grant, form-encoded), as Docker's clients send them. Wrong credentials
   * are 401; scopes the account may not have are left out of the token, not refused.
   */
  public Map<String, Object> issue(Request req, Credentials creds, List<String> scopes) {
    String account = null;
    if (creds != null) {
      if (users == null || !users.check(creds.user(), creds.password())) {
        throw ErrorCode.UNAUTHORIZED.error("invalid username or password");
      }
      account = creds.user();
    }
    List<Map<String, Object>> access = new ArrayList<>();
    for (Access a : Access.parseAll(scopes)) {
      Set<String> ok = account != null ? AccessRule.permitted(rules, account, a)
          : anonymousPull && a.type().equals("repository") && a.actions().contains("pull") ? Set.of("pull") : Set.of();
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", a.type());
      m.put("name", a.name());
      m.put("actions", List.copyOf(ok));
      access.add(m);
    }
    Instant now = Instant.now();
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(account == null ? "" : account)
        .audience(service)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now.minusSeconds(5)))
        .expirationTime(Date.from(now.plusSeconds(ttlSeconds)))
        .jwtID(UUID.randomUUID().toString())
        .claim("access", access)
        .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("signing a token", e);
    }
    String token = jwt.serialize();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("token", token);
    out.put("access_token", token);
    out.put("expires_in", ttlSeconds);
    out.put("issued_at", now.toString());
    return out;
  }

  public String service() {
    return service;
  }
}
