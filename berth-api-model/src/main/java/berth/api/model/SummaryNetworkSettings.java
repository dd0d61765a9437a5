package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The NetworkSettings excerpt in the ps list. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SummaryNetworkSettings(
    @JsonProperty("Networks") Map<String, EndpointSettings> networks) {
}
