package berth.network;

import java.util.List;

/**
 * What the engine asks for when connecting a container: its name and hostname (DNS names on
 * user-defined networks), extra aliases, an optional fixed IPv4 address and MAC, and the ports to
 * publish (host port 0 = allocate), and the container's {@code --dns} servers, which on a
 * user-defined network become the embedded server's upstreams for that container (as in Docker).
 * Null lists mean none.
 */
public record EndpointRequest(
    String containerName,
    String hostname,
    List<String> aliases,
    String ipv4Address,
    String macAddress,
    List<PortMapping> portBindings,
    List<String> dns,
    List<String> links) {

  public EndpointRequest {
    aliases = aliases == null ? List.of() : List.copyOf(aliases);
    portBindings = portBindings == null ? List.of() : List.copyOf(portBindings);
    dns = dns == null ? List.of() : List.copyOf(dns);
    links = links == null ? List.of() : List.copyOf(links);
  }

  /** Without links ({@code name:alias}, resolvable by this container only, on user networks). */
  public EndpointRequest(String containerName, String hostname, List<String> aliases, String ipv4Address,
      String macAddress, List<PortMapping> portBindings, List<String> dns) {
    this(containerName, hostname, aliases, ipv4Address, macAddress, portBindings, dns, null);
  }

  /** Without {@code --dns}: other names are resolved through the host's servers. */
  public EndpointRequest(String containerName, String hostname, List<String> aliases, String ipv4Address,
      String macAddress, List<PortMapping> portBindings) {
    this(containerName, hostname, aliases, ipv4Address, macAddress, portBindings, null, null);
  }

  public static EndpointRequest named(String containerName) {
    return new EndpointRequest(containerName, null, null, null, null, null);
  }
}
