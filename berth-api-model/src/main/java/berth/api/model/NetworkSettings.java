package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** NetworkSettings of inspect. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NetworkSettings(
    @JsonProperty("Bridge") String bridge,
    @JsonProperty("SandboxID") String sandboxID,
    @JsonProperty("SandboxKey") String sandboxKey,
    @JsonProperty("Ports") Map<String, List<PortBinding>> ports,
    @JsonProperty("HairpinMode") Boolean hairpinMode,
    @JsonProperty("LinkLocalIPv6Address") String linkLocalIPv6Address,
    @JsonProperty("LinkLocalIPv6PrefixLen") Integer linkLocalIPv6PrefixLen,
    @JsonProperty("SecondaryIPAddresses") List<String> secondaryIPAddresses,
    @JsonProperty("SecondaryIPv6Addresses") List<String> secondaryIPv6Addresses,
    @JsonProperty("EndpointID") String endpointID,
    @JsonProperty("Gateway") String gateway,
    @JsonProperty("GlobalIPv6Address") String globalIPv6Address,
    @JsonProperty("GlobalIPv6PrefixLen") Integer globalIPv6PrefixLen,
    @JsonProperty("IPAddress") String ipAddress,
    @JsonProperty("IPPrefixLen") Integer ipPrefixLen,
    @JsonProperty("IPv6Gateway") String iPv6Gateway,
    @JsonProperty("MacAddress") String macAddress,
    @JsonProperty("Networks") Map<String, EndpointSettings> networks) {
}
