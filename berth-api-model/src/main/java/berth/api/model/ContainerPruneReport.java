package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** POST /containers/prune. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerPruneReport(
    @JsonProperty("ContainersDeleted") List<String> containersDeleted,
    @JsonProperty("SpaceReclaimed") Long spaceReclaimed) {
}
