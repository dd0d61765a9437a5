package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Body of POST /exec/{id}/start. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExecStartConfig(
    @JsonProperty("Detach") Boolean detach,
    @JsonProperty("Tty") Boolean tty,
    @JsonProperty("ConsoleSize") List<Integer> consoleSize) {
}
