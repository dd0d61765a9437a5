package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** When to restart a container: "" or "no", "always", "unless-stopped", "on-failure" (with MaximumRetryCount). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RestartPolicy(
    @JsonProperty("Name") String name,
    @JsonProperty("MaximumRetryCount") Integer maximumRetryCount) {

  public static RestartPolicy no() {
    return new RestartPolicy("no", 0);
  }

  /** The policy's name with "" read as "no", as Docker reports it. */
  public String effectiveName() {
    return name == null || name.isEmpty() ? "no" : name;
  }
}
