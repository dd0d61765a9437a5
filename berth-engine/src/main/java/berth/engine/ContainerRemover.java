package berth.engine;

import berth.api.model.WaitResponse;
import berth.core.errors.Conflict;
import berth.core.errors.InvalidArgument;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** DELETE /containers/{id}, AutoRemove and prune: kill if forced, then release every resource. */
final class ContainerRemover {
  private static final Logger LOG = Logger.getLogger(ContainerRemover.class.getName());
  private final EngineContext ctx;

  ContainerRemover(EngineContext ctx) {
    this.ctx = ctx;
  }

  void remove(String ref, boolean force, boolean removeVolumes, boolean removeLink) {
    if (removeLink) {
      throw new InvalidArgument("links are not supported by Berth yet");
    }
    Container c = ctx.registry().resolve(ref);
    CompletableFuture<Integer> exit = null;
    c.lock.lock();
    try {
      ContainerStatus st = c.status();
      if (st == ContainerStatus.PAUSED && !force) {
        throw new Conflict("You cannot remove a paused container " + c.id()
            + ". Unpause and then stop the container before attempting removal or force remove");
      }
      if ((st == ContainerStatus.RUNNING || st == ContainerStatus.RESTARTING) && !force) {
        throw new Conflict("You cannot remove a running container " + c.id()
            + ". Stop the container before attempting removal or force remove");
      }
      if (st == ContainerStatus.RESTARTING) {
        cancelRestart(c);
      } else if (st == ContainerStatus.RUNNING || st == ContainerStatus.PAUSED) {
        ContainerRecord r = c.record().withManuallyStopped(true);
        c.update(r);
        ctx.store().put(r);
        ctx.runtime().kill(c.id(), 9, true);
        if (st == ContainerStatus.PAUSED) {
          ctx.runtime().resume(c.id());
        }
        ctx.events().container(r, "kill", java.util.Map.of("signal", "9"));
        exit = c.exitFuture;
      } else {
        removeLocked(c, removeVolumes);
        return;
      }
    } finally {
      c.lock.unlock();
    }
    if (exit != null) {
      awaitExit(c, exit);
    }
    c.lock.lock();
    try {
      removeLocked(c, removeVolumes);
    } finally {
      c.lock.unlock();
    }
  }

  /** After the exit handler decided on AutoRemove. */
  void removeAfterExit(Container c) {
    c.lock.lock();
    try {
      removeLocked(c);
    } finally {
      c.lock.unlock();
    }
  }

  /** The exit is normally reported by the runtime; if not in time, record it ourselves. */
  private void awaitExit(Container c, CompletableFuture<Integer> exit) {
    try {
      exit.get(15, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.log(Level.WARNING, "no exit reported for killed container " + c.id());
    }
  }

  static void cancelRestart(Container c) {
    if (c.scheduledRestart != null) {
      c.scheduledRestart.cancel(false);
      c.scheduledRestart = null;
    }
  }

  /** Removes everything of a stopped container; AutoRemove ones drop their anonymous volumes. */
  void removeLocked(Container c) {
    removeLocked(c, Boolean.TRUE.equals(c.record().hostConfig().autoRemove()));
  }

  /** Removes everything of a stopped container. Lock held; idempotent. */
  void removeLocked(Container c, boolean removeVolumes) {
    if (ctx.registry().byId(c.id()).isEmpty()) {
      return;
    }
    ContainerRecord r = c.record();
    if (r.state().status() == ContainerStatus.RUNNING || r.state().status() == ContainerStatus.PAUSED) {
      // the exit was not seen: take the process down for good before removing
      try {
        ctx.runtime().kill(c.id(), 9, true);
      } catch (RuntimeException ignored) {
        // already gone
      }
    }
    cancelRestart(c);
    ContainerRecord removing = r.withState(r.state().withStatus(ContainerStatus.REMOVING));
    c.update(removing);
    ctx.store().put(removing);
    String id = c.id();
    try {
      ctx.runtime().delete(id, true);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "runtime delete " + id, e);
    }
    ctx.networking().detach(id);
    ctx.mounter().unmount(ctx.rootfs(id));
    if (!ctx.mounter().isMounted(ctx.rootfs(id))) {
      FileTrees.deleteQuietly(ctx.bundle(id));
    }
    try {
      ctx.snapshotter().remove(id);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "remove snapshot of " + id, e);
    }
    ctx.volumes().release(id, removeVolumes); // reads volumes.json in the container's dir
    FileTrees.deleteQuietly(ctx.files(id).dir());
    ctx.store().delete(id);
    ctx.registry().remove(c);
    if (c.stopHealth != null) {
      c.stopHealth.run();
    }
    for (ContainerAttach a : c.pendingAttaches) {
      a.abandon();
    }
    c.pendingAttaches.clear();
    ctx.events().container(removing, "destroy", null);
    c.exitFuture.complete(removing.state().exitCode());
    List<CompletableFuture<WaitResponse>> waiters = new ArrayList<>(c.removedWaiters);
    waiters.addAll(c.nextExitWaiters);
    c.removedWaiters.clear();
    c.nextExitWaiters.clear();
    for (CompletableFuture<WaitResponse> w : waiters) {
      w.complete(new WaitResponse((long) removing.state().exitCode(), null));
    }
  }
}
