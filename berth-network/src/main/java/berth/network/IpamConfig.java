package berth.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** One IPAM pool of a network, Docker's {@code IPAM.Config[]} entry: strings as the user gave them. */
public record IpamConfig(
    @JsonProperty("Subnet") String subnet,
    @JsonProperty("IPRange") String ipRange,
    @JsonProperty("Gateway") String gateway,
    @JsonProperty("AuxiliaryAddresses") Map<String, String> auxAddresses) {

  public IpamConfig {
    auxAddresses = auxAddresses == null ? Map.of() : Map.copyOf(auxAddresses);
  }

  public static IpamConfig of(String subnet) {
    return new IpamConfig(subnet, null, null, Map.of());
  }
}
