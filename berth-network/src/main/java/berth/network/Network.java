package berth.network;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A network as Berth keeps it. {@code ipam} holds the effective pools (subnet and gateway filled
 * in even when allocated automatically), as Docker's inspect shows them.
 */
public record Network(
    @JsonProperty("Id") String id,
    @JsonProperty("Name") String name,
    @JsonProperty("Driver") String driver,
    @JsonProperty("Scope") String scope,
    @JsonProperty("Created") String created,
    @JsonProperty("Internal") boolean internal,
    @JsonProperty("Attachable") boolean attachable,
    @JsonProperty("EnableIPv6") boolean ipv6,
    @JsonProperty("IPAM") List<IpamConfig> ipam,
    @JsonProperty("Options") Map<String, String> options,
    @JsonProperty("Labels") Map<String, String> labels) {

  public static final String BRIDGE_NAME_OPTION = "com.docker.network.bridge.name";
  /** Docker's option naming the parent link of macvlan and ipvlan networks. */
  public static final String PARENT_OPTION = "parent";

  public Network {
    ipam = ipam == null ? List.of() : List.copyOf(ipam);
    options = options == null ? Map.of() : Map.copyOf(options);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** The three networks every daemon has, which cannot be removed. */
  @JsonIgnore
  public boolean predefined() {
    return name.equals("bridge") || name.equals("host") || name.equals("none");
  }

  /** Whether containers on it get an interface, an address and CNI plumbing. */
  @JsonIgnore
  public boolean plumbed() {
    return driver.equals("bridge") || driver.equals("macvlan") || driver.equals("ipvlan");
  }

  /** The Linux bridge device of a bridge network. */
  @JsonIgnore
  public String bridgeName() {
    return options.getOrDefault(BRIDGE_NAME_OPTION, "br-" + id.substring(0, 12));
  }

  /** Embedded DNS serves user-defined networks only; the default bridge has none, as in Docker. */
  @JsonIgnore
  public boolean servesDns() {
    return plumbed() && !name.equals("bridge");
  }

  /** The first IPv4 pool; every plumbed network has one. */
  @JsonIgnore
  public IpamConfig ipv4() {
    return ipam.stream().filter(c -> Cidr.parse(c.subnet()).isIpv4()).findFirst()
        .orElseThrow(() -> new IllegalStateException("network " + name + " has no IPv4 pool"));
  }
}
