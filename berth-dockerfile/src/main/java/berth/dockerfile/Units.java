package berth.dockerfile;

import berth.core.errors.InvalidArgument;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Docker's human units: byte sizes (go-units RAMInBytes) and Go durations (time.ParseDuration). */
final class Units {
  private static final Pattern SIZE =
      Pattern.compile("^(\\d+(\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$");

  private Units() {}

  /** A size with binary multipliers: {@code 64m} is 64 MiB, {@code 1.5g}, {@code 512}. */
  static long parseBytes(String s) {
    Matcher m = SIZE.matcher(s);
    if (!m.matches()) {
      throw new InvalidArgument("invalid size: '" + s + "'");
    }
    double size;
    try {
      size = Double.parseDouble(m.group(1));
    } catch (NumberFormatException e) {
      throw new InvalidArgument("invalid size: '" + s + "'");
    }
    String unit = m.group(3) == null ? "" : m.group(3).toLowerCase(Locale.ROOT);
    long mult = switch (unit) {
      case "k" -> 1L << 10;
      case "m" -> 1L << 20;
      case "g" -> 1L << 30;
      case "t" -> 1L << 40;
      case "p" -> 1L << 50;
      default -> 1L;
    };
    return (long) (size * mult);
  }

  /** Go's time.ParseDuration: {@code 30s}, {@code 1m30s}, {@code 1.5h}, {@code 300ms}, {@code 0}. */
  static Duration parseDuration(String s) {
    String orig = s;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw invalid(orig);
    }
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String num = s.substring(start, i);
      if (num.isEmpty() || num.equals(".") || num.indexOf('.') != num.lastIndexOf('.')) {
        throw invalid(orig);
      }
      int u = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String unit = s.substring(u, i);
      if (unit.isEmpty()) {
        throw new InvalidArgument("time: missing unit in duration " + Go.quote(orig));
      }
      long nanos = switch (unit) {
        case "ns" -> 1L;
        case "us", "\u00b5s", "\u03bcs" -> 1_000L;
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        case "h" -> 3_600_000_000_000L;
        default -> throw new InvalidArgument("time: unknown unit " + Go.quote(unit)
            + " in duration " + Go.quote(orig));
      };
      String n = num.endsWith(".") ? num + "0" : num.startsWith(".") ? "0" + num : num;
      total = total.add(new BigDecimal(n).multiply(BigDecimal.valueOf(nanos)));
    }
    if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw invalid(orig);
    }
    long ns = total.longValue();
    return Duration.ofNanos(neg ? -ns : ns);
  }

  private static InvalidArgument invalid(String s) {
    return new InvalidArgument("time: invalid duration " + Go.quote(s));
  }
}
