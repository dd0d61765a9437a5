package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A mount as inspect and ps report it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MountPoint(
    @JsonProperty("Type") String type,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Name") String name,
    @JsonProperty("Source") String source,
    @JsonProperty("Destination") String destination,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Driver") String driver,
    @JsonProperty("Mode") String mode,
    @JsonProperty("RW") Boolean rw,
    @JsonProperty("Propagation") String propagation) {
}
