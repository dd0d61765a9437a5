package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Log driver and its options; Berth only writes conmon's k8s-file log and reports it as json-file. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LogConfig(
    @JsonProperty("Type") String type,
    @JsonProperty("Config") Map<String, String> config) {
}
