package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A request for devices from a driver (GPUs). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceRequest(
    @JsonProperty("Driver") String driver,
    @JsonProperty("Count") Integer count,
    @JsonProperty("DeviceIDs") List<String> deviceIDs,
    @JsonProperty("Capabilities") List<List<String>> capabilities,
    @JsonProperty("Options") Map<String, String> options) {
}
