package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A component's commit in /info. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Commit(
    @JsonProperty("ID") String id,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Expected") String expected) {
}
