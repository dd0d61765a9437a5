package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A container's endpoint on one network (create request and inspect). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EndpointSettings(
    @JsonProperty("IPAMConfig") EndpointIpamConfig ipamConfig,
    @JsonProperty("Links") List<String> links,
    @JsonProperty("MacAddress") String macAddress,
    @JsonProperty("Aliases") List<String> aliases,
    @JsonProperty("DriverOpts") Map<String, String> driverOpts,
    @JsonProperty("NetworkID") String networkID,
    @JsonProperty("EndpointID") String endpointID,
    @JsonProperty("Gateway") String gateway,
    @JsonProperty("IPAddress") String ipAddress,
    @JsonProperty("IPPrefixLen") Integer ipPrefixLen,
    @JsonProperty("IPv6Gateway") String iPv6Gateway,
    @JsonProperty("GlobalIPv6Address") String globalIPv6Address,
    @JsonProperty("GlobalIPv6PrefixLen") Integer globalIPv6PrefixLen,
    @JsonProperty("DNSNames") List<String> dnsNames) {
}
