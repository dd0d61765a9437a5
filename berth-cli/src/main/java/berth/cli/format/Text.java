package berth.cli.format;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Small string conventions from docker's formatter: ellipsis, Go quoting, short ids, Go time. */
public final class Text {
  private static final DateTimeFormatter GO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z z");

  private Text() {}

  /** {@code formatter.Ellipsis}: at most {@code max} code points, the last one "…" if cut. */
  public static String ellipsis(String s, int max) {
    if (max <= 0) {
      return "";
    }
    int n = s.codePointCount(0, s.length());
    if (n <= max) {
      return s;
    }
    if (max == 1) {
      return "…";
    }
    return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
  }

  /** Go's {@code strconv.Quote}. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        case 7 -> sb.append("\\a");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case 11 -> sb.append("\\v");
        default -> {
          if (cp < 0x20 || cp == 0x7f) {
            sb.append(String.format("\\x%02x", cp));
          } else {
            sb.appendCodePoint(cp);
          }
        }
      }
    });
    return sb.append('"').toString();
  }

  /** The 12-character short form of an id, without any {@code sha256:} prefix. */
  public static String shortId(String id) {
    if (id == null) {
      return "";
    }
    int colon = id.indexOf(':');
    String hex = colon >= 0 ? id.substring(colon + 1) : id;
    return hex.length() > 12 ? hex.substring(0, 12) : hex;
  }

  /** Go's default {@code time.Time.String()} layout, in local time: "2024-01-02 15:04:05 +0000 UTC". */
  public static String goTime(long unixSeconds) {
    return GO_TIME.format(Instant.ofEpochSecond(unixSeconds).atZone(ZoneId.systemDefault()));
  }
}
