package berth.build;

import berth.core.errors.InvalidArgument;
import java.util.ArrayList;
import java.util.List;

/** EXPOSE's port specs ({@code 80}, {@code 53/udp}, {@code 8000-8002/tcp}) to Docker's "port/proto" keys. */
final class Ports {
  private Ports() {}

  static List<String> expand(String spec) {
    String s = spec;
    String proto = "tcp";
    int slash = s.indexOf('/');
    if (slash >= 0) {
      proto = s.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
      s = s.substring(0, slash);
    }
    if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
      throw new InvalidArgument("invalid proto: " + proto);
    }
    int colon = s.lastIndexOf(':');
    if (colon >= 0) {
      s = s.substring(colon + 1); // ip:host:container forms keep the container port
    }
    int dash = s.indexOf('-');
    int lo;
    int hi;
    try {
      lo = Integer.parseInt(dash < 0 ? s : s.substring(0, dash));
      hi = dash < 0 ? lo : Integer.parseInt(s.substring(dash + 1));
    } catch (NumberFormatException e) {
      throw new InvalidArgument("invalid containerPort: " + s);
    }
    if (lo < 0 || hi > 65535 || hi < lo) {
      throw new InvalidArgument("invalid containerPort: " + s);
    }
    List<String> out = new ArrayList<>();
    for (int p = lo; p <= hi; p++) {
      out.add(p + "/" + proto);
    }
    return out;
  }
}
