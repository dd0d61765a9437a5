package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer to POST /containers/{id}/wait. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WaitResponse(
    @JsonProperty("StatusCode") Long statusCode,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Error") WaitError error) {
}
