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
import berth.core.errors.Conflict;
import berth.core.errors.Internal;
import berth.core.errors.NotImplemented;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@link ContainerService} over the engine's parts: each request goes to the one class that owns
 * it (creator, lifecycle, remover, views, log streams, process table, stats, changes, updater).
 */
final class EngineContainerService implements ContainerService {
  private final EngineContext ctx;
  private final ContainerCreator creator;
  private final ContainerLifecycle lifecycle;
  private final ContainerRemover remover;
  private final ContainerViews views;
  private final ContainerUpdater updater;
  private final ContainerFilesystem filesystem;

  EngineContainerService(EngineContext ctx, ContainerLifecycle lifecycle, ContainerRemover remover) {
    this.ctx = ctx;
    this.creator = new ContainerCreator(ctx);
    this.lifecycle = lifecycle;
    this.remover = remover;
    this.views = new ContainerViews(ctx);
    this.updater = new ContainerUpdater(ctx);
    this.filesystem = new ContainerFilesystem(ctx);
  }

  @Override
  public ContainerCreateResponse create(String name, ContainerConfig config, HostConfig hostConfig,
      NetworkingConfig networking, String platform) {
    return creator.create(name, config, hostConfig, networking, platform);
  }

  @Override
  public void start(String ref) {
    lifecycle.start(ref);
  }

  @Override
  public void stop(String ref, String signal, Integer timeoutSeconds) {
    lifecycle.stop(ref, signal, timeoutSeconds);
  }

  @Override
  public void kill(String ref, String signal) {
    lifecycle.kill(ref, signal);
  }

  @Override
  public void restart(String ref, String signal, Integer timeoutSeconds) {
    lifecycle.restart(ref, signal, timeoutSeconds);
  }

  @Override
  public CompletionStage<WaitResponse> wait(String ref, String condition) {
    return lifecycle.waitFor(ref, condition);
  }

  @Override
  public void remove(String ref, boolean force, boolean removeVolumes, boolean removeLink) {
    remover.remove(ref, force, removeVolumes, removeLink);
  }

  @Override
  public List<ContainerSummary> list(boolean all, int limit, boolean size, Map<String, List<String>> filters) {
    ContainerFilters f = new ContainerFilters(filters, ctx.registry(), ctx.images())
        .withNetworking(ctx.networking()).withVolumes(ctx.volumes());
    boolean everything = all || limit > 0 || f.impliesAll();
    List<Container> matching = new ArrayList<>();
    for (Container c : ctx.registry().all()) {
      ContainerRecord r = c.record();
      if ((everything || r.state().status().isRunningLike()) && f.matches(r)) {
        matching.add(c);
      }
    }
    matching.sort(Comparator.comparingLong((Container c) -> c.record().createdNanos()).reversed());
    if (limit > 0 && matching.size() > limit) {
      matching = matching.subList(0, limit);
    }
    List<ContainerSummary> out = new ArrayList<>();
    for (Container c : matching) {
      Long[] sizes = size ? sizes(c) : new Long[] {null, null};
      out.add(views.summary(c, sizes[0], sizes[1]));
    }
    return out;
  }

  @Override
  public ContainerInspect inspect(String ref, boolean size) {
    Container c = ctx.registry().resolve(ref);
    Long[] sizes = size ? sizes(c) : new Long[] {null, null};
    return views.inspect(c, sizes[0], sizes[1]);
  }

  private Long[] sizes(Container c) {
    try {
      long rw = ctx.snapshotter().usage(c.id()).size();
      long image = ctx.images().resolve(c.record().imageId()).map(berth.image.Image::size).orElse(0L);
      return new Long[] {rw, rw + image};
    } catch (RuntimeException e) {
      return new Long[] {0L, 0L};
    }
  }

  @Override
  public FrameSource logs(String ref, LogOptions options) {
    Container c = ctx.registry().resolve(ref);
    String type = c.record().hostConfig().logConfig() == null ? "" : c.record().hostConfig().logConfig().type();
    if ("none".equals(type)) {
      throw new berth.core.errors.InvalidArgument("configured logging driver does not support reading");
    }
    return LogStreams.open(c, ctx.files(c.id()), options);
  }

  @Override
  public AttachStream attach(String ref, AttachOptions o) {
    Container c = ctx.registry().resolve(ref);
    c.lock.lock();
    try {
      ContainerRecord r = c.record();
      ContainerStatus st = r.state().status();
      boolean tty = Boolean.TRUE.equals(r.config().tty());
      if (st == ContainerStatus.PAUSED) {
        throw new Conflict("Container " + c.id() + " is paused, unpause the container before attach.");
      }
      if (st == ContainerStatus.RESTARTING) {
        throw new Conflict("Container " + c.id() + " is restarting, wait until the container is running");
      }
      if (st == ContainerStatus.REMOVING || st == ContainerStatus.DEAD) {
        throw new Conflict("container " + c.id() + " is marked for removal and cannot be attached to");
      }
      List<Frame> replay = o.logs() ? LogStreams.readAll(c, ctx.files(c.id()), o.stdout(), o.stderr()) : List.of();
      ContainerAttach a = new ContainerAttach(tty, o.stdin(), o.stdout(), o.stderr(), o.stream(), o.detachKeys(),
          replay);
      a.closeStdinOnEof = Boolean.TRUE.equals(r.config().stdinOnce()) && !tty;
      if (o.stream() && st == ContainerStatus.RUNNING) {
        a.connect(ctx.runtime().attach(c.id(), o.stdin() && Boolean.TRUE.equals(r.config().openStdin())));
      } else if (o.stream()) {
        c.pendingAttaches.removeIf(ContainerAttach::isClosed);
        // created or stopped: as in Docker, the session receives the output of the next start
        c.pendingAttaches.add(a);
      }
      ctx.events().container(r, "attach", Map.of());
      return a;
    } finally {
      c.lock.unlock();
    }
  }

  @Override
  public void resize(String ref, int height, int width) {
    Container c = ctx.registry().resolve(ref);
    if (c.status() != ContainerStatus.RUNNING && c.status() != ContainerStatus.PAUSED) {
      throw new Conflict("Container " + c.id() + " is not running");
    }
    ctx.runtime().resize(c.id(), height, width);
    ctx.events().container(c.record(), "resize", Map.of("height", Integer.toString(height),
        "width", Integer.toString(width)));
  }

  @Override
  public ContainerTop top(String ref, String psArgs) {
    Container c = ctx.registry().resolve(ref);
    if (c.status() != ContainerStatus.RUNNING && c.status() != ContainerStatus.PAUSED) {
      throw new Conflict("Container " + c.id() + " is not running");
    }
    ContainerTop top = ProcessTable.top(ctx.runtime().pids(c.id()), psArgs);
    ctx.events().container(c.record(), "top", Map.of());
    return top;
  }

  @Override
  public BlockingSource<ContainerStats> stats(String ref, boolean stream) {
    Container c = ctx.registry().resolve(ref);
    return new StatsSource(ctx, c, stream, false);
  }

  @Override
  public BlockingSource<ContainerStats> stats(String ref, boolean stream, boolean oneShot) {
    Container c = ctx.registry().resolve(ref);
    return new StatsSource(ctx, c, stream, oneShot && !stream);
  }

  @Override
  public void rename(String ref, String newName) {
    lifecycle.rename(ref, newName);
  }

  @Override
  public void pause(String ref) {
    lifecycle.pause(ref);
  }

  @Override
  public void unpause(String ref) {
    lifecycle.unpause(ref);
  }

  @Override
  public ContainerUpdateResponse update(String ref, HostConfig update) {
    return updater.update(ref, update);
  }

  @Override
  public List<FilesystemChange> changes(String ref) {
    Container c = ctx.registry().resolve(ref);
    try {
      List<FilesystemChange> all = ContainerChanges.of(ctx.snapshotter().upperDir(c.id()),
          ctx.snapshotter().mounts(c.id()));
      List<String> points = new ArrayList<>(ContainerChanges.RUNTIME_MOUNT_POINTS);
      ContainerViews.mountPoints(c.record().hostConfig()).forEach(m -> points.add(m.destination()));
      if (c.record().hostConfig().tmpfs() != null) {
        points.addAll(c.record().hostConfig().tmpfs().keySet());
      }
      return ContainerChanges.withoutMountPoints(all, points);
    } catch (IOException e) {
      throw new Internal("changes of " + c.id() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void export(String ref, OutputStream out) {
    filesystem.export(ref, out);
  }

  @Override
  public PathStat archiveHead(String ref, String path) {
    return filesystem.stat(ref, path);
  }

  @Override
  public ArchiveResult archiveGet(String ref, String path) {
    return filesystem.get(ref, path);
  }

  @Override
  public void archivePut(String ref, String path, InputStream tar, boolean noOverwriteDirNonDir, boolean copyUidGid) {
    filesystem.put(ref, path, tar, noOverwriteDirNonDir, copyUidGid);
  }

  @Override
  public ContainerPruneReport prune(Map<String, List<String>> filters) {
    PruneFilters f = PruneFilters.of(filters);
    List<String> deleted = new ArrayList<>();
    long reclaimed = 0;
    for (Container c : List.copyOf(ctx.registry().all())) {
      ContainerRecord r = c.record();
      ContainerStatus st = r.state().status();
      if (st.isRunningLike() || st == ContainerStatus.REMOVING || !f.matches(r.createdNanos(), r.config().labels())) {
        continue;
      }
      long size = 0;
      try {
        size = ctx.snapshotter().usage(c.id()).size();
      } catch (RuntimeException ignored) {
        // no snapshot left
      }
      try {
        remover.remove(c.id(), false, false, false);
        deleted.add(c.id());
        reclaimed += size;
      } catch (Conflict e) {
        // started meanwhile: not prunable
      }
    }
    ctx.events().publish(new berth.api.model.Event(null, null, null, "container", "prune",
        new berth.api.model.EventActor("", Map.of("reclaimed", Long.toString(reclaimed))), "local", 0L, 0L));
    return new ContainerPruneReport(deleted.isEmpty() ? null : deleted, reclaimed);
  }

  static NotImplemented notYet(String what) {
    return new NotImplemented(what + " is not implemented in Berth yet");
  }
}
