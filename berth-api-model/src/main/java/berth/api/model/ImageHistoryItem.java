package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One entry of GET /images/{name}/history. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageHistoryItem(
    @JsonProperty("Id") String id,
    @JsonProperty("Created") Long created,
    @JsonProperty("CreatedBy") String createdBy,
    @JsonProperty("Tags") List<String> tags,
    @JsonProperty("Size") Long size,
    @JsonProperty("Comment") String comment) {
}
