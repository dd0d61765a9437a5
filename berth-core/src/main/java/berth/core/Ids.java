package berth.core;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Object ids as Docker makes them: 64 random hex characters, printed as their first 12. */
public final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern FULL = Pattern.compile("[a-f0-9]{64}");

  private Ids() {}

  /** A new random 64-hex id that is not all digits (Docker avoids those: they parse as numbers). */
  public static String newId() {
    byte[] b = new byte[32];
    while (true) {
      RANDOM.nextBytes(b);
      String id = HexFormat.of().formatHex(b);
      if (!id.chars().allMatch(Character::isDigit)) {
        return id;
      }
    }
  }

  public static boolean isFullId(String s) {
    return s != null && FULL.matcher(s).matches();
  }

  public static String shortId(String id) {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }
}
