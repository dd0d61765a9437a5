package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The container's own configuration: the create body's top level and ContainerJSON.Config. Nulls in a request mean "not given"; the engine fills Docker's zero values before storing, so inspect shows what Docker shows. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerConfig(
    @JsonProperty("Hostname") String hostname,
    @JsonProperty("Domainname") String domainname,
    @JsonProperty("User") String user,
    @JsonProperty("AttachStdin") Boolean attachStdin,
    @JsonProperty("AttachStdout") Boolean attachStdout,
    @JsonProperty("AttachStderr") Boolean attachStderr,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
    @JsonProperty("Tty") Boolean tty,
    @JsonProperty("OpenStdin") Boolean openStdin,
    @JsonProperty("StdinOnce") Boolean stdinOnce,
    @JsonProperty("Env") List<String> env,
    @JsonProperty("Cmd") List<String> cmd,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Healthcheck") HealthConfig healthcheck,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("ArgsEscaped") Boolean argsEscaped,
    @JsonProperty("Image") String image,
    @JsonProperty("Volumes") Map<String, Object> volumes,
    @JsonProperty("WorkingDir") String workingDir,
    @JsonProperty("Entrypoint") List<String> entrypoint,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("NetworkDisabled") Boolean networkDisabled,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("MacAddress") String macAddress,
    @JsonProperty("OnBuild") List<String> onBuild,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("StopSignal") String stopSignal,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("StopTimeout") Integer stopTimeout,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Shell") List<String> shell) {

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.hostname = hostname;
    b.domainname = domainname;
    b.user = user;
    b.attachStdin = attachStdin;
    b.attachStdout = attachStdout;
    b.attachStderr = attachStderr;
    b.exposedPorts = exposedPorts;
    b.tty = tty;
    b.openStdin = openStdin;
    b.stdinOnce = stdinOnce;
    b.env = env;
    b.cmd = cmd;
    b.healthcheck = healthcheck;
    b.argsEscaped = argsEscaped;
    b.image = image;
    b.volumes = volumes;
    b.workingDir = workingDir;
    b.entrypoint = entrypoint;
    b.networkDisabled = networkDisabled;
    b.macAddress = macAddress;
    b.onBuild = onBuild;
    b.labels = labels;
    b.stopSignal = stopSignal;
    b.stopTimeout = stopTimeout;
    b.shell = shell;
    return b;
  }

  /** Mutable copy for the engine to fill defaults; {@link #build()} makes the record. */
  public static final class Builder {
    private String hostname;
    private String domainname;
    private String user;
    private Boolean attachStdin;
    private Boolean attachStdout;
    private Boolean attachStderr;
    private Map<String, Object> exposedPorts;
    private Boolean tty;
    private Boolean openStdin;
    private Boolean stdinOnce;
    private List<String> env;
    private List<String> cmd;
    private HealthConfig healthcheck;
    private Boolean argsEscaped;
    private String image;
    private Map<String, Object> volumes;
    private String workingDir;
    private List<String> entrypoint;
    private Boolean networkDisabled;
    private String macAddress;
    private List<String> onBuild;
    private Map<String, String> labels;
    private String stopSignal;
    private Integer stopTimeout;
    private List<String> shell;

    private Builder() {}

    public String hostname() {
      return hostname;
    }

    public Builder hostname(String v) {
      hostname = v;
      return this;
    }

    public String domainname() {
      return domainname;
    }

    public Builder domainname(String v) {
      domainname = v;
      return this;
    }

    public String user() {
      return user;
    }

    public Builder user(String v) {
      user = v;
      return this;
    }

    public Boolean attachStdin() {
      return attachStdin;
    }

    public Builder attachStdin(Boolean v) {
      attachStdin = v;
      return this;
    }

    public Boolean attachStdout() {
      return attachStdout;
    }

    public Builder attachStdout(Boolean v) {
      attachStdout = v;
      return this;
    }

    public Boolean attachStderr() {
      return attachStderr;
    }

    public Builder attachStderr(Boolean v) {
      attachStderr = v;
      return this;
    }

    public Map<String, Object> exposedPorts() {
      return exposedPorts;
    }

    public Builder exposedPorts(Map<String, Object> v) {
      exposedPorts = v;
      return this;
    }

    public Boolean tty() {
      return tty;
    }

    public Builder tty(Boolean v) {
      tty = v;
      return this;
    }

    public Boolean openStdin() {
      return openStdin;
    }

    public Builder openStdin(Boolean v) {
      openStdin = v;
      return this;
    }

    public Boolean stdinOnce() {
      return stdinOnce;
    }

    public Builder stdinOnce(Boolean v) {
      stdinOnce = v;
      return this;
    }

    public List<String> env() {
      return env;
    }

    public Builder env(List<String> v) {
      env = v;
      return this;
    }

    public List<String> cmd() {
      return cmd;
    }

    public Builder cmd(List<String> v) {
      cmd = v;
      return this;
    }

    public HealthConfig healthcheck() {
      return healthcheck;
    }

    public Builder healthcheck(HealthConfig v) {
      healthcheck = v;
      return this;
    }

    public Boolean argsEscaped() {
      return argsEscaped;
    }

    public Builder argsEscaped(Boolean v) {
      argsEscaped = v;
      return this;
    }

    public String image() {
      return image;
    }

    public Builder image(String v) {
      image = v;
      return this;
    }

    public Map<String, Object> volumes() {
      return volumes;
    }

    public Builder volumes(Map<String, Object> v) {
      volumes = v;
      return this;
    }

    public String workingDir() {
      return workingDir;
    }

    public Builder workingDir(String v) {
      workingDir = v;
      return this;
    }

    public List<String> entrypoint() {
      return entrypoint;
    }

    public Builder entrypoint(List<String> v) {
      entrypoint = v;
      return this;
    }

    public Boolean networkDisabled() {
      return networkDisabled;
    }

    public Builder networkDisabled(Boolean v) {
      networkDisabled = v;
      return this;
    }

    public String macAddress() {
      return macAddress;
    }

    public Builder macAddress(String v) {
      macAddress = v;
      return this;
    }

    public List<String> onBuild() {
      return onBuild;
    }

    public Builder onBuild(List<String> v) {
      onBuild = v;
      return this;
    }

    public Map<String, String> labels() {
      return labels;
    }

    public Builder labels(Map<String, String> v) {
      labels = v;
      return this;
    }

    public String stopSignal() {
      return stopSignal;
    }

    public Builder stopSignal(String v) {
      stopSignal = v;
      return this;
    }

    public Integer stopTimeout() {
      return stopTimeout;
    }

    public Builder stopTimeout(Integer v) {
      stopTimeout = v;
      return this;
    }

    public List<String> shell() {
      return shell;
    }

    public Builder shell(List<String> v) {
      shell = v;
      return this;
    }

    public ContainerConfig build() {
      return new ContainerConfig(hostname, domainname, user, attachStdin, attachStdout, attachStderr, exposedPorts, tty, openStdin, stdinOnce, env, cmd, healthcheck, argsEscaped, image, volumes, workingDir, entrypoint, networkDisabled, macAddress, onBuild, labels, stopSignal, stopTimeout, shell);
    }
  }
}
