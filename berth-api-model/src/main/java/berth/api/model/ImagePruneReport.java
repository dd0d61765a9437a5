package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** POST /images/prune. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImagePruneReport(
    @JsonProperty("ImagesDeleted") List<ImageDeleteItem> imagesDeleted,
    @JsonProperty("SpaceReclaimed") Long spaceReclaimed) {
}
