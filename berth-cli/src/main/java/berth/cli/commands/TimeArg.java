package berth.cli.commands;

import berth.cli.format.Durations;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Docker's {@code --since/--until} values: a Unix timestamp ("1700000000.5"), an RFC 3339 date
 * or date-time, or a Go duration relative to now ("10m"); sent as seconds[.nanos].
 */
final class TimeArg {
  private TimeArg() {}

  static String toApi(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.matches("\\d+(\\.\\d+)?")) {
      return value;
    }
    try {
      long nanos = Durations.parseNanos(value);
      Instant t = Instant.now().minusNanos(nanos);
      return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
    } catch (IllegalArgumentException notADuration) {
      // fall through to dates
    }
    try {
      Instant t = OffsetDateTime.parse(value).toInstant();
      return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
    } catch (DateTimeParseException ignored) {
      // try a bare date next
    }
    try {
      Instant t = LocalDate.parse(value).atStartOfDay(ZoneId.systemDefault()).toInstant();
      return String.valueOf(t.getEpochSecond());
    } catch (DateTimeParseException e) {
      throw new berth.cli.CliError("invalid value for \"since/until\": " + value, 125);
    }
  }
}
