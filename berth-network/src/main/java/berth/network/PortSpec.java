package berth.network;

import berth.core.errors.InvalidArgument;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses {@code -p} specs as Docker does (go-connections' ParsePortSpec), errors worded the same.
 *
 * <pre>
 * spec   = [ ip ":" ] [ hostPorts ] ":" containerPorts [ "/" proto ]  |  containerPorts [ "/" proto ]
 * ports  = port [ "-" port ]           ; 0..65535
 * ip     = IPv4 | "[" IPv6 "]" | IPv6  ; IPv6 unbracketed only with all three parts
 * proto  = "tcp" | "udp" | "sctp"      ; case-insensitive, default tcp
 * </pre>
 *
 * A host range with a single container port means "any free port in that range"; that is returned
 * as one mapping with {@link Spec#hostRangeEnd} set and host port {@code hostRangeStart}.
 */
public final class PortSpec {
  private static final Set<String> PROTOS = Set.of("tcp", "udp", "sctp");

  private PortSpec() {}

  /** One container port to publish; hostPort 0 = allocate, or allocate within a host range. */
  public record Spec(String hostIp, int hostPort, int hostRangeEnd, int containerPort, String protocol) {
    public PortMapping mapping() {
      return new PortMapping(hostIp, hostRangeEnd > hostPort ? 0 : hostPort, containerPort, protocol);
    }
  }

  public static List<Spec> parse(String raw) {
    String[] parts = raw.split(":", -1);
    String ip = "";
    String host = "";
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
      default -> {
        ip = String.join(":", java.util.Arrays.copyOf(parts, parts.length - 2));
        host = parts[parts.length - 2];
        container = parts[parts.length - 1];
      }
    }
    String proto = "tcp";
    int slash = container.indexOf('/');
    if (slash >= 0) {
      proto = container.substring(slash + 1);
      container = container.substring(0, slash);
    }
    ip = ip(ip);
    if (container.isEmpty()) {
      throw new InvalidArgument("no port specified: " + raw + "<empty>");
    }
    int[] c = range(container, "invalid containerPort: " + container);
    int[] h = host.isEmpty() ? new int[] {0, 0} : range(host, "invalid hostPort: " + host);
    boolean hostRangeForOne = false;
    if (!host.isEmpty() && (c[1] - c[0]) != (h[1] - h[0])) {
      if (c[1] != c[0]) {
        throw new InvalidArgument("invalid ranges specified for container and host Ports: "
            + container + " and " + host);
      }
      hostRangeForOne = true;
    }
    proto = proto.toLowerCase(java.util.Locale.ROOT);
    if (!PROTOS.contains(proto)) {
      throw new InvalidArgument("invalid proto: " + proto);
    }
    List<Spec> out = new ArrayList<>();
    for (int i = 0; i <= c[1] - c[0]; i++) {
      if (hostRangeForOne) {
        out.add(new Spec(ip, h[0], h[1], c[0], proto));
      } else {
        int hp = host.isEmpty() ? 0 : h[0] + i;
        out.add(new Spec(ip, hp, hp, c[0] + i, proto));
      }
    }
    return out;
  }

  private static String ip(String ip) {
    if (ip.isEmpty()) {
      return "";
    }
    String bare = ip.startsWith("[") && ip.endsWith("]") ? ip.substring(1, ip.length() - 1) : ip;
    if (!bare.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}") && !bare.contains(":")) {
      throw new InvalidArgument("invalid IP address: " + ip);
    }
    try {
      return Cidr.address(bare).getHostAddress();
    } catch (InvalidArgument e) {
      throw new InvalidArgument("invalid IP address: " + ip);
    }
  }

  private static int[] range(String s, String message) {
    int dash = s.indexOf('-');
    try {
      int a = port(dash < 0 ? s : s.substring(0, dash));
      int b = dash < 0 ? a : port(s.substring(dash + 1));
      if (b < a) {
        throw new InvalidArgument(message);
      }
      return new int[] {a, b};
    } catch (NumberFormatException e) {
      throw new InvalidArgument(message);
    }
  }

  private static int port(String s) {
    if (s.isEmpty() || !s.chars().allMatch(Character::isDigit) || s.length() > 5) {
      throw new NumberFormatException(s);
    }
    int v = Integer.parseInt(s);
    if (v > 65535) {
      throw new NumberFormatException(s);
    }
    return v;
  }
}
