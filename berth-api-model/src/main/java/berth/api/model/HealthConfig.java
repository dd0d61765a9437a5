package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Healthcheck settings of a container (durations in nanoseconds); Test ["NONE"] disables the image's check. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HealthConfig(
    @JsonProperty("Test") List<String> test,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Interval") Long interval,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Timeout") Long timeout,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Retries") Integer retries,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("StartPeriod") Long startPeriod,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("StartInterval") Long startInterval) {
}
