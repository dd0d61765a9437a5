package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An answer carrying only an id (exec create, commit). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IdResponse(
    @JsonProperty("Id") String id) {
}
