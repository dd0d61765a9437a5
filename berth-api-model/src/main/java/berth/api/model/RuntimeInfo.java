package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One OCI runtime in /info's Runtimes. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RuntimeInfo(
    @JsonProperty("path") String path,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("runtimeArgs") List<String> runtimeArgs) {
}
