package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Static addresses asked for on one network. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EndpointIpamConfig(
    @JsonProperty("IPv4Address") String ipv4Address,
    @JsonProperty("IPv6Address") String ipv6Address,
    @JsonProperty("LinkLocalIPs") List<String> linkLocalIps) {
}
