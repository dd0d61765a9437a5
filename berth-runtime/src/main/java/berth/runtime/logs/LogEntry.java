package berth.runtime.logs;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One log message: which stream, when conmon read it, and its bytes (a whole line with its newline). */
public record LogEntry(Stream stream, Instant timestamp, byte[] data) {
  // Docker's RFC3339NanoFixed: always nine fraction digits, UTC.
  private static final DateTimeFormatter RFC3339_NANO_FIXED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** The container stream; the names are the ones in the log file. */
  public enum Stream {
    STDOUT, STDERR;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The bytes Docker sends for this entry: with {@code timestamps}, "2006-01-02T15:04:05.000000000Z " first. */
  public byte[] render(boolean timestamps) {
    if (!timestamps) {
      return data;
    }
    byte[] ts = (RFC3339_NANO_FIXED.format(timestamp) + " ").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[ts.length + data.length];
    System.arraycopy(ts, 0, out, 0, ts.length);
    System.arraycopy(data, 0, out, ts.length, data.length);
    return out;
  }

  @Override
  public String toString() {
    return stream + " " + timestamp + " " + new String(data, StandardCharsets.UTF_8).strip();
  }
}
