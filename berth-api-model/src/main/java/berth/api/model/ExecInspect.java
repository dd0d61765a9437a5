package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** GET /exec/{id}/json. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExecInspect(
    @JsonProperty("CanRemove") Boolean canRemove,
    @JsonProperty("ContainerID") String containerID,
    @JsonProperty("DetachKeys") String detachKeys,
    @JsonProperty("ExitCode") Integer exitCode,
    @JsonProperty("ID") String id,
    @JsonProperty("OpenStderr") Boolean openStderr,
    @JsonProperty("OpenStdin") Boolean openStdin,
    @JsonProperty("OpenStdout") Boolean openStdout,
    @JsonProperty("ProcessConfig") ProcessConfig processConfig,
    @JsonProperty("Running") Boolean running,
    @JsonProperty("Pid") Integer pid) {
}
