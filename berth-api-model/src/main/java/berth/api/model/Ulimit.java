package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A resource limit (setrlimit) for the container's processes. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Ulimit(
    @JsonProperty("Name") String name,
    @JsonProperty("Soft") Long soft,
    @JsonProperty("Hard") Long hard) {
}
