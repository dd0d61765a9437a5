package berth.daemon;

import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/** Log lines the way dockerd writes them: time, level, message, one line each. */
final class OneLineFormatter extends Formatter {
  @Override
  public String format(LogRecord r) {
    String msg = formatMessage(r).replace('\n', ' ');
    StringBuilder sb = new StringBuilder(128);
    sb.append("time=\"").append(Instant.ofEpochMilli(r.getMillis())).append("\" level=").append(level(r.getLevel()))
        .append(" msg=\"").append(msg.replace("\"", "\\\"")).append('"');
    if (r.getThrown() != null) {
      sb.append(" error=\"");
      for (Throwable t = r.getThrown(); t != null; t = t.getCause() == t ? null : t.getCause()) {
        sb.append(t).append(t.getCause() != null ? ": " : "");
      }
      sb.append('"');
    }
    return sb.append('\n').toString();
  }

  private static String level(Level l) {
    if (l.intValue() >= Level.SEVERE.intValue()) {
      return "error";
    }
    if (l.intValue() >= Level.WARNING.intValue()) {
      return "warning";
    }
    return l.intValue() >= Level.INFO.intValue() ? "info" : "debug";
  }
}
