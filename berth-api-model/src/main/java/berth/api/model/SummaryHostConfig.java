package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The HostConfig excerpt in the ps list. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SummaryHostConfig(
    @JsonProperty("NetworkMode") String networkMode,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Annotations") Map<String, String> annotations) {
}
