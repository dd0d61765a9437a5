package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The process of an exec, as exec inspect reports it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProcessConfig(
    @JsonProperty("privileged") Boolean privileged,
    @JsonProperty("user") String user,
    @JsonProperty("tty") Boolean tty,
    @JsonProperty("entrypoint") String entrypoint,
    @JsonProperty("arguments") List<String> arguments) {
}
