package berth.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The runtime part of an image config ("config" in the OCI/Docker image JSON), with Docker's
 * field names. Docker-only fields (Healthcheck, OnBuild, Shell, ...) are kept as Docker writes them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImageConfig(
    @JsonProperty("Hostname") String hostname,
    @JsonProperty("Domainname") String domainname,
    @JsonProperty("User") String user,
    @JsonProperty("AttachStdin") Boolean attachStdin,
    @JsonProperty("AttachStdout") Boolean attachStdout,
    @JsonProperty("AttachStderr") Boolean attachStderr,
    @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
    @JsonProperty("Tty") Boolean tty,
    @JsonProperty("OpenStdin") Boolean openStdin,
    @JsonProperty("StdinOnce") Boolean stdinOnce,
    @JsonProperty("Env") List<String> env,
    @JsonProperty("Cmd") List<String> cmd,
    @JsonProperty("Healthcheck") Healthcheck healthcheck,
    @JsonProperty("ArgsEscaped") Boolean argsEscaped,
    @JsonProperty("Image") String image,
    @JsonProperty("Volumes") Map<String, Object> volumes,
    @JsonProperty("WorkingDir") String workingDir,
    @JsonProperty("Entrypoint") List<String> entrypoint,
    @JsonProperty("OnBuild") List<String> onBuild,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("StopSignal") String stopSignal,
    @JsonProperty("Shell") List<String> shell) {

  /** Durations in nanoseconds, as Docker stores them. Test: ["NONE"], ["CMD", ...], ["CMD-SHELL", cmd]. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Healthcheck(
      @JsonProperty("Test") List<String> test,
      @JsonProperty("Interval") Long interval,
      @JsonProperty("Timeout") Long timeout,
      @JsonProperty("StartPeriod") Long startPeriod,
      @JsonProperty("StartInterval") Long startInterval,
      @JsonProperty("Retries") Integer retries) {}

  public static ImageConfig empty() {
    return new ImageConfig(null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null);
  }
}
