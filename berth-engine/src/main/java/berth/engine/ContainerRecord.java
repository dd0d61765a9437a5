package berth.engine;

import berth.api.model.ContainerConfig;
import berth.api.model.Health;
import berth.api.model.HostConfig;
import berth.api.model.NetworkingConfig;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What the engine persists for one container (as JSON in the state store). Immutable: every
 * change makes a new record, written under the container's lock. Times are epoch nanoseconds,
 * 0 meaning never.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerRecord(
    String id,
    String name,
    long createdNanos,
    String path,
    List<String> args,
    ContainerConfig config,
    HostConfig hostConfig,
    NetworkingConfig networking,
    String imageId,
    String platform,
    State state,
    int restartCount,
    boolean hasBeenStartedBefore,
    boolean manuallyStopped) {

  /** The runtime part of the record. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record State(
      ContainerStatus status,
      int pid,
      int exitCode,
      String error,
      long startedAtNanos,
      long finishedAtNanos,
      boolean oomKilled,
      Health health) {

    public static State created() {
      return new State(ContainerStatus.CREATED, 0, 0, "", 0, 0, false, null);
    }

    public State withStatus(ContainerStatus s) {
      return new State(s, pid, exitCode, error, startedAtNanos, finishedAtNanos, oomKilled, health);
    }

    public State running(int newPid, long startedAt) {
      return new State(ContainerStatus.RUNNING, newPid, 0, "", startedAt, finishedAtNanos, false, health);
    }

    public State exited(int code, long finishedAt, boolean oom, String err) {
      return new State(ContainerStatus.EXITED, 0, code, err == null ? "" : err, startedAtNanos, finishedAt, oom,
          health);
    }

    public State withHealth(Health h) {
      return new State(status, pid, exitCode, error, startedAtNanos, finishedAtNanos, oomKilled, h);
    }
  }

  /** The name without Docker's leading slash. */
  public String shortName() {
    return name.startsWith("/") ? name.substring(1) : name;
  }

  public ContainerRecord withState(State s) {
    return new ContainerRecord(id, name, createdNanos, path, args, config, hostConfig, networking, imageId, platform, s,
        restartCount, hasBeenStartedBefore, manuallyStopped);
  }

  public ContainerRecord withName(String n) {
    return new ContainerRecord(id, n, createdNanos, path, args, config, hostConfig, networking, imageId, platform,
        state, restartCount, hasBeenStartedBefore, manuallyStopped);
  }

  public ContainerRecord withNetworking(NetworkingConfig n) {
    return new ContainerRecord(id, name, createdNanos, path, args, config, hostConfig, n, imageId, platform, state,
        restartCount, hasBeenStartedBefore, manuallyStopped);
  }

  public ContainerRecord withHostConfig(HostConfig h) {
    return new ContainerRecord(id, name, createdNanos, path, args, config, h, networking, imageId, platform, state,
        restartCount, hasBeenStartedBefore, manuallyStopped);
  }

  public ContainerRecord withRestartCount(int n) {
    return new ContainerRecord(id, name, createdNanos, path, args, config, hostConfig, networking, imageId, platform,
        state, n, hasBeenStartedBefore, manuallyStopped);
  }

  public ContainerRecord withStartedBefore(boolean v) {
    return new ContainerRecord(id, name, createdNanos, path, args, config, hostConfig, networking, imageId, platform,
        state, restartCount, v, manuallyStopped);
  }

  public ContainerRecord withManuallyStopped(boolean v) {
    return new ContainerRecord(id, name, createdNanos, path, args, config, hostConfig, networking, imageId, platform,
        state, restartCount, hasBeenStartedBefore, v);
  }
}
