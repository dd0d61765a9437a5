package berth.engine;

import berth.api.model.ContainerConfig;
import berth.core.Json;
import berth.core.errors.BerthException;
import berth.core.errors.Conflict;
import berth.core.errors.Internal;
import berth.core.errors.InvalidArgument;
import berth.runtime.ContainerRuntime;
import berth.runtime.oci.Spec;
import berth.snapshot.Mount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starting a container (the lock held): mount the rootfs, write /etc files and config.json,
 * runtime create, connect waiting attach sessions, runtime start, record running. A failed start
 * undoes what it did and leaves the exit code Docker would (127 not found, 126 not executable).
 */
final class ContainerStarter {
  private final EngineContext ctx;

  ContainerStarter(EngineContext ctx) {
    this.ctx = ctx;
  }

  void startLocked(Container c) {
    ContainerRecord r = c.record();
    String id = r.id();
    ContainerConfig cfg = r.config();
    NetworkMode net = NetworkMode.parse(r.hostConfig().networkMode());
    String netns = joinedNetns(net);
    Path bundle = ctx.bundle(id);
    Path rootfs = ctx.rootfs(id);
    try {
      Files.createDirectories(rootfs);
      if (!ctx.mounter().isMounted(rootfs)) {
        List<Mount> mounts = ctx.snapshotter().mounts(id);
        ctx.mounter().mount(mounts, rootfs);
      }
      ContainerFiles files = ctx.files(id);
      if (net instanceof NetworkMode.Attached) {
        netns = ctx.networking().attach(r, files);
      } else {
        files.write(cfg.hostname(), r.hostConfig(), net instanceof NetworkMode.Host);
      }
      Spec spec = SpecBuilder.build(new SpecBuilder.Inputs(r, rootfs, files, net, netns, ctx.config().initBinary(),
          swapLimitSupported(), joinedNamespace(r.hostConfig().ipcMode(), "ipc"),
          joinedNamespace(r.hostConfig().pidMode(), "pid")));
      spec = ctx.volumes().withVolumes(spec, id, rootfs);
      Files.write(bundle.resolve("config.json"), Json.MAPPER.writeValueAsBytes(spec));
      boolean tty = Boolean.TRUE.equals(cfg.tty());
      // Docker ignores StdinOnce for a TTY container (`run -it` sets it): its stdin must outlive a
      // detach, so the runtime is told to close stdin after the first attacher only without a TTY.
      ContainerRuntime.Created created = ctx.runtime().create(new ContainerRuntime.CreateRequest(id, bundle,
          files.log(), tty, Boolean.TRUE.equals(cfg.openStdin()),
          Boolean.TRUE.equals(cfg.stdinOnce()) && !tty, null));
      connectAttaches(c);
      ctx.runtime().start(id);
      long now = ContainerCreator.nowNanos();
      ContainerRecord running = r.withState(r.state().running(created.pid(), now)).withStartedBefore(true)
          .withManuallyStopped(false);
      c.exitFuture = new java.util.concurrent.CompletableFuture<>();
      c.update(running);
      ctx.store().put(running);
      ctx.events().container(running, "start", null);
    } catch (RuntimeException | IOException e) {
      throw failed(c, e);
    }
  }

  private RuntimeException failed(Container c, Exception e) {
    String id = c.id();
    ctx.networking().detach(id);
    try {
      ctx.runtime().delete(id, true);
    } catch (RuntimeException ignored) {
      // nothing was created
    }
    try {
      ctx.mounter().unmount(ctx.rootfs(id));
    } catch (RuntimeException ignored) {
      // reported by the original error
    }
    for (ContainerAttach a : c.pendingAttaches) {
      a.abandon();
    }
    c.pendingAttaches.clear();
    String msg = e.getMessage() == null ? e.toString() : e.getMessage();
    String driverPrefix = "create container " + id + ": ";
    if (msg.startsWith(driverPrefix)) {
      // Docker's wording for an OCI runtime failure, which scripts and tests match on
      msg = "failed to create task for container: failed to create shim task: OCI runtime create failed: "
          + msg.substring(driverPrefix.length()) + ": unknown";
    }
    int code = exitCodeFor(msg);
    ContainerRecord r = c.record();
    ContainerStatus status = r.state().status() == ContainerStatus.RESTARTING ? ContainerStatus.EXITED
        : r.state().status();
    ContainerRecord.State s = r.state().exited(code, r.state().finishedAtNanos(), false, msg).withStatus(status);
    ContainerRecord updated = r.withState(s);
    c.update(updated);
    ctx.store().put(updated);
    if (e instanceof InvalidArgument || e instanceof Conflict) {
      return (RuntimeException) e;
    }
    if (code == 126 || code == 127) {
      return new InvalidArgument(msg, e);
    }
    if (e instanceof Internal) {
      return new Internal(msg, e);
    }
    return e instanceof BerthException be ? be : new Internal("start container " + id + ": " + msg, e);
  }

  /** Docker's exit codes for a process the runtime could not start. */
  static int exitCodeFor(String msg) {
    String m = msg.toLowerCase(java.util.Locale.ROOT);
    if (m.contains("executable file not found") || m.contains("no such file or directory")) {
      return 127;
    }
    if (m.contains("permission denied") || m.contains("not executable")) {
      return 126;
    }
    return 128;
  }

  private void connectAttaches(Container c) {
    List<ContainerAttach> waiting = new ArrayList<>(c.pendingAttaches);
    c.pendingAttaches.clear();
    boolean openStdin = Boolean.TRUE.equals(c.record().config().openStdin());
    for (ContainerAttach a : waiting) {
      if (a.isClosed()) {
        continue;
      }
      a.connect(ctx.runtime().attach(c.id(), a.wantStdin && openStdin));
    }
  }

  private String joinedNetns(NetworkMode net) {
    if (!(net instanceof NetworkMode.Joined j)) {
      return null;
    }
    Container other = ctx.registry().resolve(j.ref());
    ContainerRecord o = other.record();
    if (o.state().status() != ContainerStatus.RUNNING || o.state().pid() <= 0) {
      throw new Conflict("cannot join network namespace of a non running container: " + o.id());
    }
    return "/proc/" + o.state().pid() + "/ns/net";
  }

  /** The namespace path of the container named by an IpcMode/PidMode "container:<ref>", else null. */
  private String joinedNamespace(String mode, String ns) {
    if (!HostConfigValidator.isContainerMode(mode)) {
      return null;
    }
    ContainerRecord o = ctx.registry().resolve(mode.substring("container:".length())).record();
    if (o.state().status() != ContainerStatus.RUNNING || o.state().pid() <= 0) {
      throw new Conflict("cannot join " + ns + " namespace of a non running container: " + o.id());
    }
    return "/proc/" + o.state().pid() + "/ns/" + ns;
  }

  /** Whether the kernel accounts swap (cgroup v1 memsw files; always on v2). */
  static boolean swapLimitSupported() {
    return HostConfigDefaults.cgroupV2()
        || Files.exists(Path.of("/sys/fs/cgroup/memory/memory.memsw.limit_in_bytes"));
  }

  static Map<String, String> none() {
    return Map.of();
  }
}
