package berth.api.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times as Docker writes them in JSON: Go's RFC3339Nano (UTC, fraction without trailing zeros),
 * and Go's zero time "0001-01-01T00:00:00Z" for "never".
 */
public final class DockerTime {
  public static final String ZERO = "0001-01-01T00:00:00Z";
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private DockerTime() {}

  /** RFC3339Nano of {@code t}; {@link #ZERO} for null. */
  public static String format(Instant t) {
    if (t == null) {
      return ZERO;
    }
    StringBuilder sb = new StringBuilder(SECONDS.format(t));
    int nanos = t.getNano();
    if (nanos != 0) {
      String frac = String.format("%09d", nanos);
      int end = frac.length();
      while (frac.charAt(end - 1) == '0') {
        end--;
      }
      sb.append('.').append(frac, 0, end);
    }
    return sb.append('Z').toString();
  }

  /** From epoch nanoseconds; 0 is the zero time. */
  public static String formatNanos(long epochNanos) {
    return epochNanos == 0 ? ZERO : format(ofNanos(epochNanos));
  }

  public static Instant ofNanos(long epochNanos) {
    return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
  }

  public static long toNanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  /** Parses an RFC 3339 time; null, empty and the zero time give null. */
  public static Instant parse(String s) {
    if (s == null || s.isEmpty() || s.equals(ZERO)) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("invalid time: " + s, e);
    }
  }
}
