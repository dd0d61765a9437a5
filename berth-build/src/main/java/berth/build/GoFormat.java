package berth.build;

import java.util.List;

/**
 * The few Go fmt verbs Docker's classic builder uses to write history ({@code created_by}):
 * {@code %q} of a string or string slice, {@code %v} of a string slice.
 */
final class GoFormat {
  private GoFormat() {}

  /** Go's {@code %q} of a string: double-quoted with Go escapes. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        case 7 -> b.append("\\a");
        case 8 -> b.append("\\b");
        case 12 -> b.append("\\f");
        case 11 -> b.append("\\v");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\x%02x", c));
          } else {
            b.appendCodePoint(c);
          }
        }
      }
    });
    return b.append('"').toString();
  }

  /** Go's {@code %q} of a []string: {@code ["a" "b"]}; nil prints as {@code []}. */
  static String quoteList(List<String> l) {
    StringBuilder b = new StringBuilder("[");
    if (l != null) {
      for (int i = 0; i < l.size(); i++) {
        b.append(i > 0 ? " " : "").append(quote(l.get(i)));
      }
    }
    return b.append(']').toString();
  }

  /** Go's {@code %v} of a []string: {@code [a b]}. */
  static String list(List<String> l) {
    return "[" + (l == null ? "" : String.join(" ", l)) + "]";
  }

  /** Go's {@code %q} of an int: a quoted rune literal ({@code '\x03'}, {@code 'A'}). */
  static String quoteRune(int c) {
    if (c == '\'') {
      return "'\\''";
    }
    if (c == '\\') {
      return "'\\\\'";
    }
    if (c >= 0x20 && c < 0x7f) {
      return "'" + (char) c + "'";
    }
    return switch (c) {
      case 7 -> "'\\a'";
      case 8 -> "'\\b'";
      case 12 -> "'\\f'";
      case '\n' -> "'\\n'";
      case '\r' -> "'\\r'";
      case '\t' -> "'\\t'";
      case 11 -> "'\\v'";
      default -> c < 0x100 ? String.format("'\\x%02x'", c) : "'" + new String(Character.toChars(c)) + "'";
    };
  }

  /** Go's time.Duration String(): {@code 0s}, {@code 1.5s}, {@code 5m0s}, {@code 1h0m0s}, {@code 300ms}. */
  static String duration(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    boolean neg = nanos < 0;
    long u = Math.abs(nanos);
    String out;
    if (u < 1_000_000_000L) {
      if (u < 1_000) {
        out = u + "ns";
      } else if (u < 1_000_000) {
        out = trim(u / 1_000.0) + "µs";
      } else {
        out = trim(u / 1_000_000.0) + "ms";
      }
    } else {
      long h = u / 3_600_000_000_000L;
      long rest = u % 3_600_000_000_000L;
      long m = rest / 60_000_000_000L;
      long sNanos = rest % 60_000_000_000L;
      String secs = trim(sNanos / 1_000_000_000.0) + "s";
      out = h > 0 ? h + "h" + m + "m" + secs : m > 0 ? m + "m" + secs : secs;
    }
    return neg ? "-" + out : out;
  }

  private static String trim(double v) {
    String s = new java.math.BigDecimal(v).setScale(9, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros().toPlainString();
    return s;
  }
}
