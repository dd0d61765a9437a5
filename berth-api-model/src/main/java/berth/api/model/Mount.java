package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A mount requested with --mount (HostConfig.Mounts). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Mount(
    @JsonProperty("Target") String target,
    @JsonProperty("Source") String source,
    @JsonProperty("Type") String type,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("ReadOnly") Boolean readOnly,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Consistency") String consistency,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("BindOptions") Map<String, Object> bindOptions,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("VolumeOptions") Map<String, Object> volumeOptions,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("TmpfsOptions") Map<String, Object> tmpfsOptions) {
}
