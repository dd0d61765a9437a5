package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** What an event is about: its id and attributes (name, image, exitCode, ...). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventActor(
    @JsonProperty("ID") String id,
    @JsonProperty("Attributes") Map<String, String> attributes) {
}
