package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One entry of GET /containers/{id}/changes; Kind 0 modified, 1 added, 2 deleted. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FilesystemChange(
    @JsonProperty("Path") String path,
    @JsonProperty("Kind") Integer kind) {
}
