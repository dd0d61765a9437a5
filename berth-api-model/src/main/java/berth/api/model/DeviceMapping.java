package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A host device made available in the container. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceMapping(
    @JsonProperty("PathOnHost") String pathOnHost,
    @JsonProperty("PathInContainer") String pathInContainer,
    @JsonProperty("CgroupPermissions") String cgroupPermissions) {
}
