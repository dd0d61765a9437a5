package berth.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A container's attachment to one network, persisted (it is the address lease) and returned to
 * the engine for inspect's {@code NetworkSettings.Networks[name]} and {@code Ports}.
 * {@code cniResult} is the plugin chain's result, kept because CNI DEL wants it back.
 */
public record Endpoint(
    @JsonProperty("EndpointID") String endpointId,
    @JsonProperty("NetworkID") String networkId,
    @JsonProperty("ContainerID") String containerId,
    @JsonProperty("Name") String containerName,
    @JsonProperty("Hostname") String hostname,
    @JsonProperty("Aliases") List<String> aliases,
    @JsonProperty("IfName") String ifName,
    @JsonProperty("IPAddress") String ipAddress,
    @JsonProperty("IPPrefixLen") int prefixLen,
    @JsonProperty("Gateway") String gateway,
    @JsonProperty("MacAddress") String macAddress,
    @JsonProperty("NetnsPath") String netnsPath,
    @JsonProperty("Ports") List<PortMapping> ports,
    @JsonProperty("CniResult") String cniResult,
    @JsonProperty("DnsServers") List<String> dnsServers,
    @JsonProperty("Links") List<String> links) {

  public Endpoint {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    ports = ports == null ? List.of() : List.copyOf(ports);
    dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
    links = links == null ? List.of() : List.copyOf(links);
  }

  /** Without links: {@code --link} on a user-defined network is the only source of them. */
  public Endpoint(String endpointId, String networkId, String containerId, String containerName, String hostname,
      List<String> aliases, String ifName, String ipAddress, int prefixLen, String gateway, String macAddress,
      String netnsPath, List<PortMapping> ports, String cniResult, List<String> dnsServers) {
    this(endpointId, networkId, containerId, containerName, hostname, aliases, ifName, ipAddress, prefixLen, gateway,
        macAddress, netnsPath, ports, cniResult, dnsServers, null);
  }

  /**
   * The endpoint's {@code --link}s as alias to target container name: Docker stores them as
   * {@code name:alias} or {@code /name:/self/alias}; a link without alias uses the name.
   */
  public java.util.Map<String, String> linkAliases() {
    var out = new java.util.LinkedHashMap<String, String>();
    for (String l : links) {
      String[] p = l.split(":", 2);
      String target = p[0].replaceFirst("^/", "");
      String alias = p.length > 1 ? p[1].substring(p[1].lastIndexOf('/') + 1) : target;
      if (!target.isEmpty() && !alias.isEmpty()) {
        out.put(alias.toLowerCase(java.util.Locale.ROOT), target);
      }
    }
    return out;
  }

  /** Names this endpoint answers to in the network's DNS: name, short id, hostname, aliases. */
  public List<String> dnsNames() {
    var out = new java.util.LinkedHashSet<String>();
    if (containerName != null && !containerName.isEmpty()) {
      out.add(containerName.startsWith("/") ? containerName.substring(1) : containerName);
    }
    out.add(berth.core.Ids.shortId(containerId));
    if (hostname != null && !hostname.isEmpty()) {
      out.add(hostname);
    }
    out.addAll(aliases);
    return List.copyOf(out);
  }
}
