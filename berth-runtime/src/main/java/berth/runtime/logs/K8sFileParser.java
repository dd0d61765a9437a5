package berth.runtime.logs;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Turns k8s-file lines into entries. Grammar of one line (conmon writes it):
 *
 * <pre>
 * line   = timestamp SP stream SP tag SP message LF
 * stream = "stdout" / "stderr"
 * tag    = "F" / "P"       ; P: the message continues in the stream's next line
 * </pre>
 *
 * For F the message ends with the container's own newline (the LF above is that newline); for P the
 * LF was added by conmon and is dropped when joining. Partial lines are kept per stream, so stdout
 * and stderr fragments may interleave. Malformed lines are skipped.
 */
final class K8sFileParser {
  private final Map<LogEntry.Stream, ByteArrayOutputStream> partial = new EnumMap<>(LogEntry.Stream.class);
  private final Map<LogEntry.Stream, Instant> partialStart = new EnumMap<>(LogEntry.Stream.class);

  /** Parses one line, {@code buf[off, off+len)} including its final '\n'. */
  void line(byte[] buf, int off, int len, Consumer<LogEntry> out) {
    int end = off + len;
    int sp1 = indexOf(buf, off, end, (byte) ' ');
    int sp2 = sp1 < 0 ? -1 : indexOf(buf, sp1 + 1, end, (byte) ' ');
    if (sp2 < 0 || sp2 + 2 >= end || buf[sp2 + 2] != ' ') {
      return;
    }
    Instant ts = timestamp(new String(buf, off, sp1 - off, java.nio.charset.StandardCharsets.US_ASCII));
    LogEntry.Stream stream = stream(new String(buf, sp1 + 1, sp2 - sp1 - 1, java.nio.charset.StandardCharsets.US_ASCII));
    if (ts == null || stream == null) {
      return;
    }
    byte tag = buf[sp2 + 1];
    int msgStart = sp2 + 3;
    if (tag == 'P') {
      int msgEnd = end > msgStart && buf[end - 1] == '\n' ? end - 1 : end;
      partial.computeIfAbsent(stream, s -> new ByteArrayOutputStream()).write(buf, msgStart, msgEnd - msgStart);
      partialStart.putIfAbsent(stream, ts);
      return;
    }
    ByteArrayOutputStream pending = partial.remove(stream);
    Instant first = partialStart.remove(stream);
    if (pending == null) {
      byte[] data = new byte[end - msgStart];
      System.arraycopy(buf, msgStart, data, 0, data.length);
      out.accept(new LogEntry(stream, ts, data));
    } else {
      pending.write(buf, msgStart, end - msgStart);
      out.accept(new LogEntry(stream, first, pending.toByteArray()));
    }
  }

  /** At the end of a finished log, emits what is left of partial lines (a process that died mid-line). */
  void flush(Consumer<LogEntry> out) {
    for (var e : partial.entrySet()) {
      out.accept(new LogEntry(e.getKey(), partialStart.get(e.getKey()), e.getValue().toByteArray()));
    }
    partial.clear();
    partialStart.clear();
  }

  /** "stdout F" / "stderr P" for a line, null when malformed; used to count entries from the end. */
  static String streamAndTag(byte[] buf, int off, int len) {
    int end = off + len;
    int sp1 = indexOf(buf, off, end, (byte) ' ');
    int sp2 = sp1 < 0 ? -1 : indexOf(buf, sp1 + 1, end, (byte) ' ');
    if (sp2 < 0 || sp2 + 1 >= end) {
      return null;
    }
    return new String(buf, sp1 + 1, sp2 - sp1 + 1, java.nio.charset.StandardCharsets.US_ASCII);
  }

  private static Instant timestamp(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static LogEntry.Stream stream(String s) {
    return switch (s) {
      case "stdout" -> LogEntry.Stream.STDOUT;
      case "stderr" -> LogEntry.Stream.STDERR;
      default -> null;
    };
  }

  static int indexOf(byte[] buf, int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (buf[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
