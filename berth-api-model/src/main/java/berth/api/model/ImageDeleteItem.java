package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One line of DELETE /images/{name}'s answer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageDeleteItem(
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Untagged") String untagged,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Deleted") String deleted) {
}
