package berth.daemon;

import berth.network.AddressPool;
import berth.network.NetworkConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * daemon.json's network keys, Docker's names: {@code bip} (the default bridge's address in CIDR
 * form), {@code bridge} (its device name; Berth's default is berth0 so it never meets docker0),
 * {@code default-address-pools} ([{"base": CIDR, "size": N}]) for automatic subnets, {@code
 * fixed-cidr} (the range of the default bridge's subnet its containers' addresses come from).
 */
record NetworkKeys(String bip, String bridge, List<AddressPool> pools, String fixedCidr) {
  static final List<String> KEYS = List.of("bip", "bridge", "default-address-pools", "fixed-cidr");

  static NetworkKeys read(Map<String, JsonNode> cfg) {
    List<AddressPool> pools = null;
    JsonNode p = cfg.get("default-address-pools");
    if (p != null && !p.isNull()) {
      if (!p.isArray()) {
        throw new IllegalArgumentException("invalid value for \"default-address-pools\": expected a list");
      }
      pools = new ArrayList<>();
      for (JsonNode e : p) {
        if (!e.hasNonNull("base") || !e.hasNonNull("size")) {
          throw new IllegalArgumentException("invalid default-address-pools entry " + e + ": base and size needed");
        }
        pools.add(AddressPool.of(e.get("base").asText(), e.get("size").asInt()));
      }
    }
    return new NetworkKeys(ConfigFile.string(cfg, "bip"), ConfigFile.string(cfg, "bridge"), pools,
        ConfigFile.string(cfg, "fixed-cidr"));
  }

  NetworkConfig toConfig(Path dataRoot, Path execRoot) {
    NetworkConfig d = NetworkConfig.defaults(dataRoot, execRoot);
    return new NetworkConfig(d.stateDir(), d.netnsDir(), d.cniPluginDir(), pools == null ? d.pools() : pools,
        bip != null ? bip : d.bip(), bridge != null ? bridge : d.defaultBridgeName(), d.dnsForwarders(),
        d.dnsPort(), d.ports(), fixedCidr);
  }
}
