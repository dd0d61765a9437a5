package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A per-device rate limit. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ThrottleDevice(
    @JsonProperty("Path") String path,
    @JsonProperty("Rate") Long rate) {
}
