package berth.engine;

import berth.core.errors.InvalidArgument;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** Parses Docker's detach key spec ("ctrl-p,ctrl-q", "a,ctrl-@") into the byte sequence to watch for. */
public final class DetachKeys {
  public static final String DEFAULT = "ctrl-p,ctrl-q";

  private DetachKeys() {}

  public static byte[] parse(String spec) {
    String s = spec == null || spec.isEmpty() ? DEFAULT : spec;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String key : s.split(",")) {
      String k = key.toLowerCase(Locale.ROOT);
      if (k.length() == 1) {
        out.write(key.charAt(0));
      } else if (k.startsWith("ctrl-") && k.length() == 6) {
        char c = k.charAt(5);
        if (c >= 'a' && c <= 'z') {
          out.write(c - 'a' + 1);
        } else if (c >= '@' && c <= '_' || c == '[') {
          out.write(c == '@' ? 0 : c - '@');
        } else {
          throw invalid(s);
        }
      } else {
        throw invalid(s);
      }
    }
    return out.toByteArray();
  }

  private static InvalidArgument invalid(String s) {
    return new InvalidArgument("Invalid detach keys (" + s + ") provided");
  }
}
