package berth.network;

import berth.core.Ids;
import berth.core.errors.InvalidArgument;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The networks every daemon starts with, shaped as Docker shows them in inspect. */
final class Builtins {
  private Builtins() {}

  /**
   * {@code bridge}: the default bridge on device {@code config.defaultBridgeName()} (Docker's
   * docker0). Its subnet is daemon.json's {@code bip} (the bridge's own address in CIDR form) or
   * the first free subnet of the pools, chosen once and kept; {@code fixed-cidr} narrows where its
   * containers' addresses come from, as Docker's does.
   */
  static NetworkCreateRequest defaultBridge(NetworkConfig config) {
    IpamConfig pool = null;
    String fixed = config.fixedCidr() == null ? null : Cidr.parse(config.fixedCidr()).toString();
    if (config.bip() != null) {
      String bip = config.bip();
      String subnet = Cidr.parse(bip).toString();
      if (fixed != null && !Cidr.parse(subnet).contains(Cidr.parse(fixed))) {
        throw new InvalidArgument("fixed-cidr " + fixed + " is not within the bridge's subnet " + subnet);
      }
      pool = new IpamConfig(subnet, fixed, bip.substring(0, bip.indexOf('/')), null);
    } else if (fixed != null) {
      // no bip: the bridge takes fixed-cidr's network, containers its addresses
      pool = new IpamConfig(fixed, fixed, null, null);
    }
    Map<String, String> opts = Map.of(
        "com.docker.network.bridge.default_bridge", "true",
        "com.docker.network.bridge.enable_icc", "true",
        "com.docker.network.bridge.enable_ip_masquerade", "true",
        "com.docker.network.bridge.host_binding_ipv4", "0.0.0.0",
        Network.BRIDGE_NAME_OPTION, config.defaultBridgeName(),
        "com.docker.network.driver.mtu", "1500");
    return new NetworkCreateRequest("bridge", "bridge", pool == null ? List.of() : List.of(pool),
        false, false, false, opts, null);
  }

  /** {@code host} (driver host) and {@code none} (driver null): no addresses, no plumbing. */
  static Network plain(String name) {
    return new Network(Ids.newId(), name, name.equals("none") ? "null" : "host", "local",
        Instant.now().toString(), false, false, false, List.of(), Map.of(), Map.of());
  }
}
