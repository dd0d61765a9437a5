package berth.network;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * Where and how the network service works. {@code stateDir} holds networks and leases
 * ({@code <data-root>/network}), {@code netnsDir} the namespace files ({@code <exec-root>/netns}),
 * {@code bip} the default bridge's address in CIDR form (daemon.json {@code bip}, null = pick from
 * the pools), {@code fixedCidr} the part of the default bridge's subnet its containers get
 * addresses from (daemon.json {@code fixed-cidr}, null = all of it), {@code dnsPort} 53 except in
 * tests.
 */
public record NetworkConfig(
    Path stateDir,
    Path netnsDir,
    Path cniPluginDir,
    List<AddressPool> pools,
    String bip,
    String defaultBridgeName,
    List<InetSocketAddress> dnsForwarders,
    int dnsPort,
    PortAllocator ports,
    String fixedCidr) {

  public NetworkConfig(Path stateDir, Path netnsDir, Path cniPluginDir, List<AddressPool> pools, String bip,
      String defaultBridgeName, List<InetSocketAddress> dnsForwarders, int dnsPort, PortAllocator ports) {
    this(stateDir, netnsDir, cniPluginDir, pools, bip, defaultBridgeName, dnsForwarders, dnsPort, ports, null);
  }

  /** The daemon's settings for a data root and exec root; forwarders from the host's resolv.conf. */
  public static NetworkConfig defaults(Path dataRoot, Path execRoot) {
    List<InetSocketAddress> fwd;
    try {
      fwd = ResolvConf.parse(java.nio.file.Files.readString(Path.of("/etc/resolv.conf")))
          .nameservers().stream().map(n -> new InetSocketAddress(Cidr.address(n), 53)).toList();
    } catch (java.io.IOException | RuntimeException e) {
      fwd = List.of();
    }
    return new NetworkConfig(dataRoot.resolve("network"), execRoot.resolve("netns"),
        Path.of("/usr/lib/cni"), AddressPool.DEFAULTS, null, "berth0", fwd, 53, PortAllocator.forHost());
  }
}
