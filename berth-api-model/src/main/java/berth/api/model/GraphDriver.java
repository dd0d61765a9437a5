package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Storage driver name and its data (overlay2: LowerDir, UpperDir, WorkDir, MergedDir). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GraphDriver(
    @JsonProperty("Name") String name,
    @JsonProperty("Data") Map<String, String> data) {
}
