package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Answer to POST /containers/create. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerCreateResponse(
    @JsonProperty("Id") String id,
    @JsonProperty("Warnings") List<String> warnings) {
}
