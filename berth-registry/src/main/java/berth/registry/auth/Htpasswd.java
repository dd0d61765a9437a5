package berth.registry.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import berth.core.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An htpasswd file of {@code user:bcrypt-hash} lines ({@code htpasswd -B}), the only hash
 * distribution accepts. A bcrypt check costs tens of milliseconds on purpose, so a successful
 * one is remembered for a minute under a sha256 of the credentials (never the password itself).
 */
public final class Htpasswd {
  private static final long REMEMBER_NANOS = 60_000_000_000L;
  private final Map<String, byte[]> hashes;
  private final ConcurrentHashMap<String, Long> verified = new ConcurrentHashMap<>();

  private Htpasswd(Map<String, byte[]> hashes) {
    this.hashes = hashes;
  }

  public static Htpasswd load(Path file) throws IOException {
    Map<String, byte[]> m = new HashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      line = line.trim();
      int colon = line.indexOf(':');
      if (line.isEmpty() || line.startsWith("#") || colon <= 0) {
        continue;
      }
      String hash = line.substring(colon + 1);
      if (hash.startsWith("$2")) {
        m.put(line.substring(0, colon), hash.getBytes(StandardCharsets.UTF_8));
      }
    }
    return new Htpasswd(m);
  }

  /** True when {@code user} exists and {@code password} matches its hash. */
  public boolean check(String user, String password) {
    byte[] hash = hashes.get(user);
    if (hash == null || password == null) {
      return false;
    }
    String key = Digest.of((user + "\0" + password).getBytes(StandardCharsets.UTF_8)).hex();
    Long until = verified.get(key);
    long now = System.nanoTime();
    if (until != null && until - now > 0) {
      return true;
    }
    boolean ok = BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8), hash).verified;
    if (ok) {
      verified.put(key, now + REMEMBER_NANOS);
    }
    return ok;
  }

  /** A bcrypt line for {@code user} (tests and tooling). */
  public static String line(String user, String password) {
    return user + ":" + BCrypt.withDefaults().hashToString(10, password.toCharArray());
  }
}
