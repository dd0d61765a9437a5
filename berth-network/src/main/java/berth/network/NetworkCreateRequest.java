package berth.network;

import java.util.List;
import java.util.Map;

/** {@code POST /networks/create} as the service takes it; null collections mean empty. */
public record NetworkCreateRequest(
    String name,
    String driver,
    List<IpamConfig> ipam,
    boolean internal,
    boolean attachable,
    boolean ipv6,
    Map<String, String> options,
    Map<String, String> labels) {

  public NetworkCreateRequest {
    driver = driver == null || driver.isEmpty() ? "bridge" : driver;
    ipam = ipam == null ? List.of() : List.copyOf(ipam);
    options = options == null ? Map.of() : Map.copyOf(options);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  public static NetworkCreateRequest bridge(String name) {
    return new NetworkCreateRequest(name, "bridge", null, false, false, false, null, null);
  }
}
