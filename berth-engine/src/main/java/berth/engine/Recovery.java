package berth.engine;

import berth.runtime.ContainerRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Start-up: load the records and reconcile them with what the runtime says. Containers whose
 * process still runs (under conmon, which outlives berthd) are adopted; those that exited while
 * berthd was down get the exit code conmon recorded; always/unless-stopped containers that were
 * running are started again; rootfs mounts of stopped containers are taken down.
 */
final class Recovery {
  private static final Logger LOG = Logger.getLogger(Recovery.class.getName());
  /** Docker's exit code when the real one is lost. */
  static final int UNKNOWN_EXIT = 255;
  private final EngineContext ctx;
  private final ExitHandler exits;
  private final ContainerStarter starter;
  private final ContainerRemover remover;

  Recovery(EngineContext ctx, ExitHandler exits, ContainerStarter starter, ContainerRemover remover) {
    this.ctx = ctx;
    this.exits = exits;
    this.starter = starter;
    this.remover = remover;
  }

  void run() {
    List<Container> toRestart = new ArrayList<>();
    List<Container> toRemove = new ArrayList<>();
    for (ContainerRecord r : ctx.store().list()) {
      Container c = new Container(r);
      ctx.registry().add(c);
      ctx.volumes().reregister(r.id());
      c.lock.lock();
      try {
        reconcile(c, toRestart, toRemove);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "recovering container " + r.id(), e);
      } finally {
        c.lock.unlock();
      }
    }
    java.util.Set<String> live = new java.util.HashSet<>();
    for (Container c : ctx.registry().all()) {
      ContainerStatus st = c.status();
      if (st == ContainerStatus.RUNNING || st == ContainerStatus.PAUSED) {
        live.add(c.id());
      }
    }
    try {
      // endpoints of running containers stay registered; the rest (and stray namespaces) go
      ctx.networking().recover(live);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "network cleanup at start", e);
    }
    for (Container c : toRemove) {
      remover.removeAfterExit(c);
    }
    for (Container c : toRestart) {
      c.lock.lock();
      try {
        starter.startLocked(c);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "restarting container " + c.id() + " after daemon start", e);
      } finally {
        c.lock.unlock();
      }
    }
  }

  private void reconcile(Container c, List<Container> toRestart, List<Container> toRemove) {
    ContainerRecord r = c.record();
    ContainerStatus st = r.state().status();
    if (st == ContainerStatus.REMOVING) {
      toRemove.add(c);
      return;
    }
    if (st == ContainerStatus.RESTARTING) {
      // the back-off timer died with the daemon: restart now
      toRestart.add(c);
      return;
    }
    if (st != ContainerStatus.RUNNING && st != ContainerStatus.PAUSED) {
      unmountStale(r.id());
      return;
    }
    Optional<ContainerRuntime.RuntimeState> rs = ctx.runtime().state(r.id());
    boolean alive = rs.isPresent() && (rs.get().status().equals("running") || rs.get().status().equals("paused"));
    if (alive) {
      ContainerStatus now = rs.get().status().equals("paused") ? ContainerStatus.PAUSED : ContainerStatus.RUNNING;
      ContainerRecord adopted = r.withState(r.state().withStatus(now));
      c.update(adopted);
      ctx.store().put(adopted);
      // an exit that happened between the state query and now is reported by the runtime's watcher
      OptionalInt code = ctx.runtime().exitCode(r.id());
      if (code.isPresent() && ctx.runtime().state(r.id()).map(s -> s.status().equals("stopped")).orElse(true)) {
        exitedWhileAway(c, code.getAsInt(), toRestart, toRemove);
      }
      return;
    }
    OptionalInt code = ctx.runtime().exitCode(r.id());
    exitedWhileAway(c, code.orElse(UNKNOWN_EXIT), toRestart, toRemove);
  }

  private void exitedWhileAway(Container c, int code, List<Container> toRestart, List<Container> toRemove) {
    boolean remove = exits.exitedLocked(c, code, 0, false);
    if (c.status() == ContainerStatus.RESTARTING) {
      // exitedLocked scheduled a back-off restart; the daemon start restarts at once instead
      ContainerRemover.cancelRestart(c);
      toRestart.add(c);
    } else if (remove) {
      toRemove.add(c);
    }
  }

  private void unmountStale(String id) {
    try {
      ctx.mounter().unmount(ctx.rootfs(id));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "stale mount of " + id, e);
    }
  }
}
