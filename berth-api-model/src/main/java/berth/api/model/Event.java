package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One message of GET /events. status/id/from are the pre-1.22 fields Docker still sends for containers and images. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Event(
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("status") String status,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("id") String id,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("from") String from,
    @JsonProperty("Type") String type,
    @JsonProperty("Action") String action,
    @JsonProperty("Actor") EventActor actor,
    @JsonProperty("scope") String scope,
    @JsonProperty("time") Long time,
    @JsonProperty("timeNano") Long timeNano) {
}
