package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** One component in /version. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComponentVersion(
    @JsonProperty("Name") String name,
    @JsonProperty("Version") String version,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Details") Map<String, String> details) {
}
