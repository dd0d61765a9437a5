package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The create body's NetworkingConfig: endpoint settings per network name. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NetworkingConfig(
    @JsonProperty("EndpointsConfig") Map<String, EndpointSettings> endpointsConfig) {
}
