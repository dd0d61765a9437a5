package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** GET /system/df. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SystemDf(
    @JsonProperty("LayersSize") Long layersSize,
    @JsonProperty("Images") List<ImageSummary> images,
    @JsonProperty("Containers") List<ContainerSummary> containers,
    @JsonProperty("Volumes") List<Object> volumes,
    @JsonProperty("BuildCache") List<Object> buildCache) {
}
