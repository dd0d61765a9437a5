package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A port in the ps list. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Port(
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("IP") String ip,
    @JsonProperty("PrivatePort") Integer privatePort,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("PublicPort") Integer publicPort,
    @JsonProperty("Type") String type) {
}
