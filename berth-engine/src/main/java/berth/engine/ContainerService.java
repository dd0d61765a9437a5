package berth.engine;

import berth.api.model.ContainerConfig;
import berth.api.model.ContainerCreateResponse;
import berth.api.model.ContainerInspect;
import berth.api.model.ContainerPruneReport;
import berth.api.model.ContainerStats;
import berth.api.model.ContainerSummary;
import berth.api.model.ContainerTop;
import berth.api.model.ContainerUpdateResponse;
import berth.api.model.FilesystemChange;
import berth.api.model.HostConfig;
import berth.api.model.NetworkingConfig;
import berth.api.model.PathStat;
import berth.api.model.WaitResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Containers, one method per Engine API request. {@code ref} is what the user typed: a full id,
 * a name (with or without the leading "/") or a unique id prefix. Errors are the
 * {@code berth.core.errors} family with Docker's messages: {@code NotFound} "No such container: x",
 * {@code Conflict} for names in use and removal of running containers, {@code NotModified} for
 * starting a running or stopping a stopped container, {@code InvalidArgument} for bad input.
 *
 * <p>{@code filters} is Docker's {@code filters} query parameter already decoded to
 * name → values. {@code docker run} is: create, attach (before start, so no output is lost),
 * wait("next-exit"), start.
 */
public interface ContainerService {
  ContainerCreateResponse create(
      String name, ContainerConfig config, HostConfig hostConfig, NetworkingConfig networking, String platform);

  void start(String ref);

  /** Sends {@code signal} (null: the container's StopSignal) then SIGKILL after the timeout (null: StopTimeout or 10 s). */
  void stop(String ref, String signal, Integer timeoutSeconds);

  /** Sends a signal (null: SIGKILL); 409 when the container is not running. */
  void kill(String ref, String signal);

  void restart(String ref, String signal, Integer timeoutSeconds);

  /** Completes when the condition is met: "not-running" (default), "next-exit" or "removed". */
  CompletionStage<WaitResponse> wait(String ref, String condition);

  void remove(String ref, boolean force, boolean removeVolumes, boolean removeLink);

  List<ContainerSummary> list(boolean all, int limit, boolean size, Map<String, List<String>> filters);

  ContainerInspect inspect(String ref, boolean size);

  FrameSource logs(String ref, LogOptions options);

  /** Attaches to a created or running container; before start, output is connected at start. */
  AttachStream attach(String ref, AttachOptions options);

  void resize(String ref, int height, int width);

  ContainerTop top(String ref, String psArgs);

  /** One sample when {@code stream} is false; otherwise a sample about every second until closed. */
  BlockingSource<ContainerStats> stats(String ref, boolean stream);

  /** With {@code oneShot} (and not streaming) the single sample is taken at once, without precpu_stats. */
  default BlockingSource<ContainerStats> stats(String ref, boolean stream, boolean oneShot) {
    return stats(ref, stream);
  }

  void rename(String ref, String newName);

  void pause(String ref);

  void unpause(String ref);

  /** Changes resources and restart policy (the fields of HostConfig that update accepts). */
  ContainerUpdateResponse update(String ref, HostConfig update);

  List<FilesystemChange> changes(String ref);

  /** Writes the container's filesystem as a tar. NotFound is raised before anything is written. */
  void export(String ref, OutputStream out);

  PathStat archiveHead(String ref, String path);

  ArchiveResult archiveGet(String ref, String path);

  void archivePut(String ref, String path, InputStream tar, boolean noOverwriteDirNonDir, boolean copyUidGid);

  ContainerPruneReport prune(Map<String, List<String>> filters);
}
