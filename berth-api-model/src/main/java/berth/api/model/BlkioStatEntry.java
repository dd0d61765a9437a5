package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One blkio counter. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BlkioStatEntry(
    @JsonProperty("major") Long major,
    @JsonProperty("minor") Long minor,
    @JsonProperty("op") String op,
    @JsonProperty("value") Long value) {
}
