package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Why waiting failed, in a wait response. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WaitError(
    @JsonProperty("Message") String message) {
}
