package berth.network;

import berth.core.Json;
import berth.core.errors.Internal;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a CNI 1.0 result Berth uses: the container-side interface's MAC and the addresses
 * with their gateways. The raw JSON is kept for the chain's {@code prevResult}.
 *
 * @see <a href="https://github.com/containernetworking/cni/blob/main/SPEC.md#add-success">CNI ADD result</a>
 */
public record CniResult(String raw, List<Iface> interfaces, List<Ip> ips, List<String> dnsServers) {

  public record Iface(String name, String mac, String sandbox) {}

  public record Ip(String address, String gateway, Integer interfaceIndex) {}

  public static CniResult parse(String json) {
    try {
      JsonNode n = Json.MAPPER.readTree(json);
      List<Iface> ifs = new ArrayList<>();
      for (JsonNode i : n.path("interfaces")) {
        ifs.add(new Iface(i.path("name").asText(), i.path("mac").asText(null), i.path("sandbox").asText(null)));
      }
      List<Ip> ips = new ArrayList<>();
      for (JsonNode i : n.path("ips")) {
        ips.add(new Ip(i.path("address").asText(), i.path("gateway").asText(null),
            i.has("interface") ? i.path("interface").asInt() : null));
      }
      List<String> dns = new ArrayList<>();
      n.path("dns").path("nameservers").forEach(d -> dns.add(d.asText()));
      return new CniResult(json, ifs, ips, dns);
    } catch (Exception e) {
      throw new Internal("parse CNI result: " + e.getMessage() + ": " + json, e);
    }
  }

  /** MAC of the interface inside the container's namespace. */
  public String containerMac() {
    return interfaces.stream().filter(i -> i.sandbox() != null && !i.sandbox().isEmpty())
        .map(Iface::mac).findFirst().orElse(null);
  }
}
