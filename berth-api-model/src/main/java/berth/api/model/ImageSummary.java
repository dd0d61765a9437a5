package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One row of GET /images/json. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageSummary(
    @JsonProperty("Id") String id,
    @JsonProperty("ParentId") String parentId,
    @JsonProperty("RepoTags") List<String> repoTags,
    @JsonProperty("RepoDigests") List<String> repoDigests,
    @JsonProperty("Created") Long created,
    @JsonProperty("Size") Long size,
    @JsonProperty("SharedSize") Long sharedSize,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("VirtualSize") Long virtualSize,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("Containers") Long containers) {
}
