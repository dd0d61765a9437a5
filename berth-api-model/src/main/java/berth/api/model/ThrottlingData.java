package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** CFS throttling counters. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ThrottlingData(
    @JsonProperty("periods") Long periods,
    @JsonProperty("throttled_periods") Long throttledPeriods,
    @JsonProperty("throttled_time") Long throttledTime) {
}
