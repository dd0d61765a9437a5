package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One row of GET /containers/json. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerSummary(
    @JsonProperty("Id") String id,
    @JsonProperty("Names") List<String> names,
    @JsonProperty("Image") String image,
    @JsonProperty("ImageID") String imageID,
    @JsonProperty("Command") String command,
    @JsonProperty("Created") Long created,
    @JsonProperty("Ports") List<Port> ports,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("SizeRw") Long sizeRw,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("SizeRootFs") Long sizeRootFs,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("State") String state,
    @JsonProperty("Status") String status,
    @JsonProperty("HostConfig") SummaryHostConfig hostConfig,
    @JsonProperty("NetworkSettings") SummaryNetworkSettings networkSettings,
    @JsonProperty("Mounts") List<MountPoint> mounts) {
}
