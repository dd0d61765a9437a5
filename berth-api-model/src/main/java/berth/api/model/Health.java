package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The container's health: starting, healthy, unhealthy (or none). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Health(
    @JsonProperty("Status") String status,
    @JsonProperty("FailingStreak") Integer failingStreak,
    @JsonProperty("Log") List<HealthcheckResult> log) {
}
