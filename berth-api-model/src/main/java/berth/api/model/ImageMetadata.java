package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Local facts about an image. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageMetadata(
    @JsonProperty("LastTagTime") String lastTagTime) {
}
