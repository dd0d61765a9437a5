package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The platform name in /version. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlatformName(
    @JsonProperty("Name") String name) {
}
