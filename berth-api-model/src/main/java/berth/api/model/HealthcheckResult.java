package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One health probe's outcome (times RFC 3339 with nanoseconds). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HealthcheckResult(
    @JsonProperty("Start") String start,
    @JsonProperty("End") String end,
    @JsonProperty("ExitCode") Integer exitCode,
    @JsonProperty("Output") String output) {
}
