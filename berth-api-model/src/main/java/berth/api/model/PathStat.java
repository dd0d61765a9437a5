package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** What X-Docker-Container-Path-Stat carries (base64 JSON) for archive HEAD and GET; mode in Go's FileMode bits. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PathStat(
    @JsonProperty("name") String name,
    @JsonProperty("size") Long size,
    @JsonProperty("mode") Long mode,
    @JsonProperty("mtime") String mtime,
    @JsonProperty("linkTarget") String linkTarget) {
}
