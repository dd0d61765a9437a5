package berth.compose;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One published or exposed port: {@code [HOST_IP:][HOST_PORT[-END]:]PORT[-END][/PROTO]} or the long
 * syntax ({@code target}, {@code published}, {@code host_ip}, {@code protocol}); ranges expand to
 * one entry per port.
 */
public record PortSpec(String hostIp, String published, int target, String protocol) {
  private static final Pattern SHORT = Pattern.compile(
      "^(?:(?:(\\[[0-9a-fA-F:]+]|[0-9.]+):)?(\\d*(?:-\\d+)?):)?(\\d+(?:-\\d+)?)(?:/(tcp|udp|sctp))?$");

  public String key() {
    return target + "/" + protocol;
  }

  public static List<PortSpec> parse(JsonNode n) {
    if (n.isObject()) {
      String pub = n.hasNonNull("published") ? n.get("published").asText() : "";
      String proto = n.path("protocol").asText("tcp");
      String ip = n.path("host_ip").asText("");
      return expand(ip, pub, n.path("target").asText(), proto, n.toString());
    }
    String s = n.asText();
    Matcher m = SHORT.matcher(s);
    if (!m.matches()) {
      throw new ComposeException("invalid port spec \"" + s + "\"");
    }
    String ip = m.group(1) == null ? "" : m.group(1).replace("[", "").replace("]", "");
    return expand(ip, m.group(2) == null ? "" : m.group(2), m.group(3), m.group(4) == null ? "tcp" : m.group(4), s);
  }

  private static List<PortSpec> expand(String ip, String pub, String target, String proto, String spec) {
    int[] t = range(target, spec);
    int[] p = pub.isEmpty() ? null : range(pub, spec);
    List<PortSpec> out = new ArrayList<>();
    int count = t[1] - t[0] + 1;
    if (p != null && p[1] - p[0] + 1 != count && p[0] != p[1]) {
      throw new ComposeException("invalid port spec \"" + spec + "\": ranges of different sizes");
    }
    for (int i = 0; i < count; i++) {
      String published = p == null ? "" : String.valueOf(p[0] == p[1] ? p[0] : p[0] + i);
      out.add(new PortSpec(ip, published, t[0] + i, proto));
    }
    return out;
  }

  private static int[] range(String r, String spec) {
    try {
      int dash = r.indexOf('-');
      if (dash < 0) {
        int v = Integer.parseInt(r);
        return new int[] {v, v};
      }
      int a = Integer.parseInt(r.substring(0, dash));
      int b = Integer.parseInt(r.substring(dash + 1));
      if (b < a) {
        throw new ComposeException("invalid port spec \"" + spec + "\": range end before start");
      }
      return new int[] {a, b};
    } catch (NumberFormatException e) {
      throw new ComposeException("invalid port spec \"" + spec + "\"");
    }
  }
}
