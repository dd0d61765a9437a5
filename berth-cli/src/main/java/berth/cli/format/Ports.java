package berth.cli.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PORTS column as docker's {@code DisplayablePorts} writes it: ports sorted, consecutive
 * unpublished (or same-numbered) ports folded into ranges ({@code 8000-8002/tcp}), published
 * mappings after them ({@code 0.0.0.0:8080->80/tcp}, {@code [::]:8080->80/tcp}).
 */
public final class Ports {
  private Ports() {}

  private record Port(String ip, int priv, int pub, String type) {}

  public static String display(JsonNode ports) {
    List<Port> list = new ArrayList<>();
    for (JsonNode p : ports) {
      list.add(new Port(p.path("IP").asText(""), p.path("PrivatePort").asInt(), p.path("PublicPort").asInt(),
          p.path("Type").asText("tcp")));
    }
    list.sort(Comparator.comparingInt(Port::priv).thenComparing(Port::ip).thenComparingInt(Port::pub)
        .thenComparing(Port::type));
    Map<String, int[]> groups = new LinkedHashMap<>();
    List<String> result = new ArrayList<>();
    List<String> mappings = new ArrayList<>();
    for (Port p : list) {
      String key = p.type();
      if (!p.ip().isEmpty()) {
        if (p.pub() != p.priv()) {
          mappings.add(hostPort(p.ip(), p.pub()) + "->" + p.priv() + "/" + p.type());
          continue;
        }
        key = p.ip() + "/" + p.type();
      }
      int[] g = groups.get(key);
      if (g == null) {
        groups.put(key, new int[] {p.priv(), p.priv()});
      } else if (p.priv() == g[1] + 1) {
        g[1] = p.priv();
      } else {
        result.add(group(key, g));
        groups.put(key, new int[] {p.priv(), p.priv()});
      }
    }
    groups.forEach((k, g) -> result.add(group(k, g)));
    result.addAll(mappings);
    return String.join(", ", result);
  }

  private static String group(String key, int[] g) {
    int slash = key.lastIndexOf('/');
    String ip = slash >= 0 ? key.substring(0, slash) : "";
    String type = slash >= 0 ? key.substring(slash + 1) : key;
    String range = g[0] == g[1] ? String.valueOf(g[0]) : g[0] + "-" + g[1];
    if (!ip.isEmpty()) {
      range = ip + ":" + range + "->" + range;
    }
    return range + "/" + type;
  }

  /** Go's {@code net.JoinHostPort}: brackets around IPv6 hosts. */
  private static String hostPort(String ip, int port) {
    return (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port;
  }
}
