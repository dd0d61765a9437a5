package berth.cli.template;

import java.util.List;

/** The printf verbs templates use: %s %v %d %q %f %t %x %%, with optional width and flags. */
final class Printf {
  private Printf() {}

  static String format(String fmt, List<Object> args) {
    StringBuilder out = new StringBuilder();
    int argi = 0;
    for (int i = 0; i < fmt.length(); i++) {
      char c = fmt.charAt(i);
      if (c != '%' || i + 1 >= fmt.length()) {
        out.append(c);
        continue;
      }
      int j = i + 1;
      while (j < fmt.length() && "-+ 0#.0123456789".indexOf(fmt.charAt(j)) >= 0) {
        j++;
      }
      if (j >= fmt.length()) {
        out.append(fmt, i, j);
        break;
      }
      String flags = fmt.substring(i + 1, j);
      char verb = fmt.charAt(j);
      i = j;
      if (verb == '%') {
        out.append('%');
        continue;
      }
      if (argi >= args.size()) {
        out.append("%!").append(verb).append("(MISSING)");
        continue;
      }
      Object v = Values.norm(args.get(argi++));
      out.append(switch (verb) {
        case 'd' -> String.format("%" + flags + "d", v instanceof Number n ? n.longValue() : 0L);
        case 'f', 'g', 'e' -> String.format("%" + flags + verb, v instanceof Number n ? n.doubleValue() : 0.0);
        case 'x' -> v instanceof Number n ? Long.toHexString(n.longValue()) : hex(Values.print(v));
        case 'q' -> '"' + Values.print(v).replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        default -> String.format("%" + flags + "s", Values.print(v));
      });
    }
    return out.toString();
  }

  private static String hex(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      sb.append(String.format("%02x", b));
    }
    return sb.toString();
  }
}
