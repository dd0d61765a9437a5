package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** GET /images/{name}/json. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageInspect(
    @JsonProperty("Id") String id,
    @JsonProperty("RepoTags") List<String> repoTags,
    @JsonProperty("RepoDigests") List<String> repoDigests,
    @JsonProperty("Parent") String parent,
    @JsonProperty("Comment") String comment,
    @JsonProperty("Created") String created,
    @JsonProperty("DockerVersion") String dockerVersion,
    @JsonProperty("Author") String author,
    @JsonProperty("Config") ContainerConfig config,
    @JsonProperty("Architecture") String architecture,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Variant") String variant,
    @JsonProperty("Os") String os,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("OsVersion") String osVersion,
    @JsonProperty("Size") Long size,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("VirtualSize") Long virtualSize,
    @JsonProperty("GraphDriver") GraphDriver graphDriver,
    @JsonProperty("RootFS") RootFs rootFS,
    @JsonProperty("Metadata") ImageMetadata metadata) {
}
