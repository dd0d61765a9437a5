package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** State of a container as inspect reports it; StartedAt/FinishedAt are "0001-01-01T00:00:00Z" when zero. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerState(
    @JsonProperty("Status") String status,
    @JsonProperty("Running") Boolean running,
    @JsonProperty("Paused") Boolean paused,
    @JsonProperty("Restarting") Boolean restarting,
    @JsonProperty("OOMKilled") Boolean oomKilled,
    @JsonProperty("Dead") Boolean dead,
    @JsonProperty("Pid") Integer pid,
    @JsonProperty("ExitCode") Integer exitCode,
    @JsonProperty("Error") String error,
    @JsonProperty("StartedAt") String startedAt,
    @JsonProperty("FinishedAt") String finishedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Health") Health health) {
}
