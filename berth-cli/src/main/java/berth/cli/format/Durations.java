package berth.cli.format;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Go durations: parsing like {@code time.ParseDuration} ("1m30s", "1.5h", "300ms") and docker's
 * human form {@code units.HumanDuration} ("3 seconds", "About a minute", "2 hours").
 */
public final class Durations {
  private Durations() {}

  /** Nanoseconds; errors read {@code time: invalid duration "x"} like Go's. */
  public static long parseNanos(String s) {
    String orig = s;
    if (s.isEmpty()) {
      throw invalid(orig);
    }
    boolean neg = false;
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
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
      if (start == i) {
        throw invalid(orig);
      }
      BigDecimal num;
      try {
        num = new BigDecimal(s.substring(start, i));
      } catch (NumberFormatException e) {
        throw invalid(orig);
      }
      int ustart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String unit = s.substring(ustart, i);
      if (unit.isEmpty()) {
        throw new IllegalArgumentException("time: missing unit in duration \"" + orig + "\"");
      }
      long mult = switch (unit) {
        case "ns" -> 1L;
        case "us", "µs", "μs" -> 1_000L;
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        case "h" -> 3_600_000_000_000L;
        default -> throw new IllegalArgumentException("time: unknown unit \"" + unit + "\" in duration \"" + orig + "\"");
      };
      total = total.add(num.multiply(BigDecimal.valueOf(mult)));
    }
    long nanos = total.longValue();
    return neg ? -nanos : nanos;
  }

  private static IllegalArgumentException invalid(String s) {
    return new IllegalArgumentException("time: invalid duration \"" + s + "\"");
  }

  /** {@code units.HumanDuration}. */
  public static String human(Duration d) {
    long seconds = d.toSeconds();
    if (seconds < 1) {
      return "Less than a second";
    } else if (seconds == 1) {
      return "1 second";
    } else if (seconds < 60) {
      return seconds + " seconds";
    }
    long minutes = d.toMinutes();
    if (minutes == 1) {
      return "About a minute";
    } else if (minutes < 60) {
      return minutes + " minutes";
    }
    long hours = Math.round(d.toNanos() / 3_600_000_000_000.0);
    if (hours == 1) {
      return "About an hour";
    } else if (hours < 48) {
      return hours + " hours";
    } else if (hours < 24 * 7 * 2) {
      return hours / 24 + " days";
    } else if (hours < 24 * 30 * 2) {
      return hours / 24 / 7 + " weeks";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 / 30 + " months";
    }
    return d.toHours() / 24 / 365 + " years";
  }

  /** "3 seconds ago" for a Unix timestamp in seconds, relative to now. */
  public static String ago(long unixSeconds, long nowMillis) {
    return human(Duration.ofMillis(Math.max(0, nowMillis - unixSeconds * 1000))) + " ago";
  }
}
