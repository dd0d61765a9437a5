package berth.network;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One published port: host address and port to container port and protocol. A host port of 0 in a
 * request means "pick a free one"; in an {@link Endpoint} it is always the port actually bound.
 * An empty host IP means every host address (Docker's 0.0.0.0).
 */
public record PortMapping(
    @JsonProperty("HostIp") String hostIp,
    @JsonProperty("HostPort") int hostPort,
    @JsonProperty("ContainerPort") int containerPort,
    @JsonProperty("Protocol") String protocol) {

  public PortMapping {
    hostIp = hostIp == null ? "" : hostIp;
    protocol = protocol == null ? "tcp" : protocol;
  }

  /** Docker's spelling of the bound host address in messages: 0.0.0.0 for any. */
  public String hostIpOrAny() {
    return hostIp.isEmpty() ? "0.0.0.0" : hostIp;
  }

  public PortMapping withHostPort(int port) {
    return new PortMapping(hostIp, port, containerPort, protocol);
  }
}
