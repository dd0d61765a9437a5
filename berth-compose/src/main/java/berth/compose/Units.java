package berth.compose;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compose's durations ({@code 1m30s}, {@code 500ms}) and byte sizes ({@code 512m}, {@code 1gb}, numbers). */
public final class Units {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgtp]?)(i?b?)?");

  private Units() {}

  public static long durationNanos(String s) {
    String t = s.strip();
    if (t.matches("\\d+")) {
      return Long.parseLong(t) * 1_000_000_000L; // a bare number means seconds
    }
    Matcher m = PART.matcher(t);
    long total = 0;
    int at = 0;
    while (m.find() && m.start() == at) {
      double v = Double.parseDouble(m.group(1));
      long unit = switch (m.group(2)) {
        case "ns" -> 1L;
        case "us", "µs" -> 1_000L;
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        default -> 3_600_000_000_000L;
      };
      total += (long) (v * unit);
      at = m.end();
    }
    if (at != t.length() || t.isEmpty()) {
      throw new ComposeException("invalid duration \"" + s + "\"");
    }
    return total;
  }

  public static long bytes(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    Matcher m = SIZE.matcher(t);
    if (!m.matches()) {
      throw new ComposeException("invalid size: '" + s + "'");
    }
    double v = Double.parseDouble(m.group(1));
    int exp = "kmgtp".indexOf(m.group(2)) + 1;
    return (long) (v * Math.pow(1024, m.group(2).isEmpty() ? 0 : exp));
  }
}
