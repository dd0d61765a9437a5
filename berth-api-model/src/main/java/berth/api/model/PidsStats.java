package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** pids_stats of the stats JSON. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PidsStats(
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("current") Long current,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("limit") Long limit) {
}
