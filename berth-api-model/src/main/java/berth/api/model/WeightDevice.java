package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A per-device blkio weight. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WeightDevice(
    @JsonProperty("Path") String path,
    @JsonProperty("Weight") Integer weight) {
}
