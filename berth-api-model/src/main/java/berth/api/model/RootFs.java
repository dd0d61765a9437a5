package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** An image's layers by diff id. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RootFs(
    @JsonProperty("Type") String type,
    @JsonProperty("Layers") List<String> layers) {
}
