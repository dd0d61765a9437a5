package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Host side of a published port. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PortBinding(
    @JsonProperty("HostIp") String hostIp,
    @JsonProperty("HostPort") String hostPort) {
}
