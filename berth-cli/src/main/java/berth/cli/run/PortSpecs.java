package berth.cli.run;

import berth.client.JsonTrees;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * {@code -p [ip:][hostPort:]containerPort[/proto]} and {@code --expose port[/proto]}, passed through
 * to {@code ExposedPorts} and {@code PortBindings}; networking itself is the daemon's business.
 */
final class PortSpecs {
  private PortSpecs() {}

  record Spec(String ip, String hostPort, String containerPort) {}

  static Spec parse(String s) {
    String ip = "";
    String host = "";
    String rest = s;
    int slash = rest.lastIndexOf('/');
    String proto = "tcp";
    if (slash >= 0) {
      proto = rest.substring(slash + 1);
      rest = rest.substring(0, slash);
    }
    if (rest.startsWith("[")) { // [::1]:8080:80
      int close = rest.indexOf(']');
      ip = rest.substring(1, close);
      rest = rest.substring(close + 2);
    }
    String[] parts = rest.split(":", -1);
    String container;
    switch (parts.length) {
      case 1 -> container = parts[0];
      case 2 -> {
        host = parts[0];
        container = parts[1];
      }
      case 3 -> {
        ip = parts[0];
        host = parts[1];
        container = parts[2];
      }
      default -> throw CreateBody.badFlag(s, "-p, --publish", "invalid port format for --publish: " + s);
    }
    if (container.isEmpty() || !container.matches("\\d+(-\\d+)?")) {
      throw CreateBody.badFlag(s, "-p, --publish", "invalid containerPort: " + container);
    }
    return new Spec(ip, host, container + "/" + proto.toLowerCase(java.util.Locale.ROOT));
  }

  static ObjectNode exposedPorts(List<String> publish, List<String> expose) {
    ObjectNode out = JsonTrees.object();
    publish.forEach(p -> out.putObject(parse(p).containerPort()));
    for (String e : expose) {
      out.putObject(e.contains("/") ? e : e + "/tcp");
    }
    return out;
  }

  static ObjectNode bindings(List<String> publish) {
    ObjectNode out = JsonTrees.object();
    for (String p : publish) {
      Spec s = parse(p);
      ArrayNode list = out.has(s.containerPort()) ? (ArrayNode) out.get(s.containerPort()) : out.putArray(s.containerPort());
      ObjectNode b = list.addObject();
      b.put("HostIp", s.ip());
      b.put("HostPort", s.hostPort());
    }
    return out;
  }
}
