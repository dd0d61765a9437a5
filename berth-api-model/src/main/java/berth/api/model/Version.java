package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** GET /version. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Version(
    @JsonProperty("Platform") PlatformName platform,
    @JsonProperty("Components") List<ComponentVersion> components,
    @JsonProperty("Version") String version,
    @JsonProperty("ApiVersion") String apiVersion,
    @JsonProperty("MinAPIVersion") String minAPIVersion,
    @JsonProperty("GitCommit") String gitCommit,
    @JsonProperty("GoVersion") String goVersion,
    @JsonProperty("Os") String os,
    @JsonProperty("Arch") String arch,
    @JsonProperty("KernelVersion") String kernelVersion,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Experimental") Boolean experimental,
    @JsonProperty("BuildTime") String buildTime) {
}
