package berth.cli.run;

import berth.cli.CliError;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Docker's detach sequence ({@code ctrl-p,ctrl-q} by default): parsing {@code --detach-keys} and
 * spotting the sequence in the stdin byte stream while passing everything else through.
 */
public final class DetachKeys {
  public static final String DEFAULT = "ctrl-p,ctrl-q";
  private final byte[] keys;
  private int matched;

  public DetachKeys(byte[] keys) {
    this.keys = keys;
  }

  /** {@code term.ToBytes}: comma-separated single characters or {@code ctrl-<a-z@[\]^_>}. */
  public static byte[] parse(String spec) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String key : spec.split(",")) {
      String k = key.strip().toLowerCase(Locale.ROOT);
      if (k.length() > 1 && !k.startsWith("ctrl-")) {
        throw new CliError("Invalid detach keys (" + spec + ") provided", 125);
      }
      if (k.startsWith("ctrl-") && k.length() == 6) {
        char c = k.charAt(5);
        if (c >= 'a' && c <= 'z') {
          out.write(c - 'a' + 1);
        } else if (c == '@') {
          out.write(0);
        } else if (c >= '[' && c <= '_') {
          out.write(c - '[' + 27);
        } else {
          throw new CliError("Invalid detach keys (" + spec + ") provided", 125);
        }
      } else if (k.length() == 1) {
        out.write(key.strip().charAt(0));
      } else {
        throw new CliError("Invalid detach keys (" + spec + ") provided", 125);
      }
    }
    return out.toByteArray();
  }

  /**
   * Feeds input bytes; writes what should go to the container into {@code forward} and returns
   * true once the whole sequence was seen (the sequence itself is swallowed).
   */
  public boolean feed(byte[] buf, int len, ByteArrayOutputStream forward) {
    for (int i = 0; i < len; i++) {
      byte b = buf[i];
      if (b == keys[matched]) {
        matched++;
        if (matched == keys.length) {
          matched = 0;
          return true;
        }
        continue;
      }
      if (matched > 0) {
        forward.write(keys, 0, matched); // a false start: release what was held back
        matched = 0;
        if (b == keys[0]) {
          matched = 1;
          continue;
        }
      }
      forward.write(b);
    }
    return false;
  }
}
