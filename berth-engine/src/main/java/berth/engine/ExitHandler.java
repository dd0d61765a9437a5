package berth.engine;

import berth.api.model.WaitResponse;
import berth.runtime.ContainerRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What happens when a container's process exits: record the exit (code, time, OOM), release the
 * runtime state and the rootfs mount, publish "die", wake waiters, then either restart it per its
 * policy (after the back-off) or remove it when AutoRemove is set.
 */
final class ExitHandler {
  private static final Logger LOG = Logger.getLogger(ExitHandler.class.getName());
  private final EngineContext ctx;
  private final ContainerStarter starter;
  private final ContainerRemover remover;

  ExitHandler(EngineContext ctx, ContainerStarter starter, ContainerRemover remover) {
    this.ctx = ctx;
    this.starter = starter;
    this.remover = remover;
  }

  /** Runtime callback: handled on a virtual thread so the runtime's watcher is never blocked. */
  void onExit(ContainerRuntime.ExitEvent ev) {
    Thread.ofVirtual().name("exit-" + ev.id().substring(0, Math.min(12, ev.id().length()))).start(() -> {
      try {
        handle(ev);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "handling exit of " + ev.id(), e);
      }
    });
  }

  void handle(ContainerRuntime.ExitEvent ev) {
    Container c = ctx.registry().byId(ev.id()).orElse(null);
    if (c == null) {
      return;
    }
    boolean remove = false;
    c.lock.lock();
    try {
      ContainerStatus st = c.status();
      if (st != ContainerStatus.RUNNING && st != ContainerStatus.PAUSED) {
        return; // a stale or duplicate report
      }
      remove = exitedLocked(c, ev.exitCode(), ev.finishedAtNanos(), ev.oomKilled());
    } finally {
      c.lock.unlock();
    }
    if (remove) {
      remover.removeAfterExit(c);
    }
  }

  /** Records the exit; returns true when the container must now be auto-removed. Lock held. */
  boolean exitedLocked(Container c, int exitCode, long finishedAtNanos, boolean oom) {
    ContainerRecord r = c.record();
    String id = r.id();
    quietly(() -> ctx.runtime().delete(id, false));
    ctx.networking().detach(id);
    quietly(() -> ctx.mounter().unmount(ctx.rootfs(id)));
    long finished = finishedAtNanos > 0 ? finishedAtNanos : ContainerCreator.nowNanos();
    ContainerRecord exited = r.withState(r.state().exited(exitCode, finished, oom, ""));
    boolean restart = RestartDecision.shouldRestart(r.hostConfig().restartPolicy(), exitCode, r.manuallyStopped(),
        r.restartCount());
    if (restart) {
      exited = exited.withState(exited.state().withStatus(ContainerStatus.RESTARTING));
    }
    c.update(exited);
    ctx.store().put(exited);
    if (c.stopHealth != null) {
      c.stopHealth.run();
      c.stopHealth = null;
    }
    long ranSeconds = Math.max(0, (finished - r.state().startedAtNanos()) / 1_000_000_000L);
    ctx.events().container(exited, "die", Map.of("exitCode", Integer.toString(exitCode),
        "execDuration", Long.toString(ranSeconds)));
    if (oom) {
      ctx.events().container(exited, "oom", null);
    }
    c.exitFuture.complete(exitCode);
    List<CompletableFuture<WaitResponse>> waiters = new ArrayList<>(c.nextExitWaiters);
    c.nextExitWaiters.clear();
    for (CompletableFuture<WaitResponse> w : waiters) {
      w.complete(new WaitResponse((long) exitCode, null));
    }
    if (restart) {
      c.backoffMillis = RestartDecision.nextBackoff(c.backoffMillis, finished - r.state().startedAtNanos());
      c.scheduledRestart = ctx.scheduler().schedule(() -> Thread.ofVirtual().start(() -> restart(c)),
          c.backoffMillis, TimeUnit.MILLISECONDS);
      return false;
    }
    return Boolean.TRUE.equals(r.hostConfig().autoRemove());
  }

  private void restart(Container c) {
    c.lock.lock();
    try {
      if (c.status() != ContainerStatus.RESTARTING || ctx.registry().byId(c.id()).isEmpty()) {
        return; // stopped or removed meanwhile
      }
      c.scheduledRestart = null;
      ContainerRecord r = c.record().withRestartCount(c.record().restartCount() + 1);
      c.update(r);
      try {
        starter.startLocked(c);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "restarting " + c.id(), e);
      }
    } finally {
      c.lock.unlock();
    }
  }

  private static void quietly(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "cleanup after exit", e);
    }
  }
}
