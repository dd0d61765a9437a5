package berth.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The thin driver below the engine: runs containers with an OCI runtime (runc) under conmon and
 * reports what happened. It decides nothing about what is legal; the engine's state machine does.
 *
 * <p>Lifecycle: the engine writes {@code bundle/config.json} (see {@code berth.runtime.oci}),
 * mounts the rootfs at {@code bundle/rootfs}, then {@link #create}, {@link #start}; conmon keeps
 * stdio, the log file and the exit code, so the container outlives berthd. After a daemon
 * restart the engine calls {@link #state} and {@link #exitCode} to adopt or reap.
 */
public interface ContainerRuntime {
  /** Runtime name as reported in /info ("runc"). */
  String name();

  /** Creates the container (runc create under conmon). Returns once the init pid is known. */
  Created create(CreateRequest request);

  /** Starts the created container's process. */
  void start(String id);

  /** Sends a signal to the container's init process (or all processes). */
  void kill(String id, int signal, boolean all);

  void pause(String id);

  void resume(String id);

  /** Deletes the runtime's state for the container (and conmon's files). Absent is fine. */
  void delete(String id, boolean force);

  /** What the OCI runtime says now; empty when it does not know the container. */
  Optional<RuntimeState> state(String id);

  /** The exit code conmon recorded, once the container has exited. */
  OptionalInt exitCode(String id);

  /** Registers the listener for container exits (called once per exit, from any thread). */
  void onExit(Consumer<ExitEvent> listener);

  /** Opens a stream to the container's stdio through conmon's attach socket. */
  AttachSession attach(String id, boolean stdin);

  /** Resizes the container's TTY. */
  void resize(String id, int height, int width);

  /** Runs a process inside the running container. */
  ExecSession exec(String id, ExecRequest request);

  /** PIDs (host namespace) of the container's processes. */
  List<Integer> pids(String id);

  /** Resource usage from the container's cgroup. */
  CgroupStats stats(String id);

  /** What to create. {@code logPath} is the conmon k8s-file log. */
  record CreateRequest(
      String id,
      Path bundle,
      Path logPath,
      boolean terminal,
      boolean openStdin,
      boolean stdinOnce,
      String cgroupParent) {}

  /** The result of create: the container's init pid on the host, and conmon's pid. */
  record Created(int pid, int conmonPid) {}

  /** The OCI runtime's view: status is one of created, running, paused, stopped. */
  record RuntimeState(String status, int pid) {}

  /** A container exited with this code at this time (epoch nanos); oomKilled when the kernel said so. */
  record ExitEvent(String id, int exitCode, long finishedAtNanos, boolean oomKilled) {}
}
