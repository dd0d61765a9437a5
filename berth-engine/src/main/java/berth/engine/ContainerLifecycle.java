package berth.engine;

import berth.api.model.WaitResponse;
import berth.core.errors.Conflict;
import berth.core.errors.Internal;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotModified;
import berth.runtime.Signals;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The container state machine's transitions requested by users: start, stop, kill, restart,
 * pause, unpause, rename, wait. Each takes the container's lock, reloads its state, checks the
 * transition is legal with Docker's message when not, acts, and persists before unlocking.
 * Waiting for an exit happens outside the lock (the exit handler needs it).
 */
final class ContainerLifecycle {
  static final int DEFAULT_STOP_TIMEOUT = 10;
  private final EngineContext ctx;
  private final ContainerStarter starter;
  private final ContainerRemover remover;

  ContainerLifecycle(EngineContext ctx, ContainerStarter starter, ContainerRemover remover) {
    this.ctx = ctx;
    this.starter = starter;
    this.remover = remover;
  }

  void start(String ref) {
    Container c = ctx.registry().resolve(ref);
    c.lock.lock();
    try {
      switch (c.status()) {
        case RUNNING -> throw new NotModified("container already started");
        case PAUSED -> throw new Conflict("cannot start a paused container, try unpause instead");
        case REMOVING, DEAD -> throw new Conflict("container is marked for removal and cannot be started");
        case RESTARTING -> ContainerRemover.cancelRestart(c);
        default -> { }
      }
      try {
        starter.startLocked(c);
      } catch (RuntimeException e) {
        afterFailedStart(c);
        throw e;
      }
    } finally {
      c.lock.unlock();
    }
  }

  /**
   * Docker removes an AutoRemove container whose start failed, so its "removed" waiters (the
   * CLI's {@code run --rm}) get their answer. Otherwise it stays created with the error recorded and
   * next-exit waiters keep waiting, as Docker's do: answering them would make the CLI print an extra
   * "Error waiting for container" line.
   */
  private void afterFailedStart(Container c) {
    if (Boolean.TRUE.equals(c.record().hostConfig().autoRemove())) {
      remover.removeLocked(c);
    }
  }

  void stop(String ref, String signal, Integer timeoutSeconds) {
    Container c = ctx.registry().resolve(ref);
    CompletableFuture<Integer> exit;
    int timeout;
    c.lock.lock();
    try {
      ContainerRecord r = c.record();
      ContainerStatus st = r.state().status();
      if (st == ContainerStatus.RESTARTING) {
        ContainerRemover.cancelRestart(c);
        ContainerRecord stopped = r.withManuallyStopped(true).withState(r.state().withStatus(ContainerStatus.EXITED));
        c.update(stopped);
        ctx.store().put(stopped);
        ctx.events().container(stopped, "stop", null);
        return;
      }
      if (st != ContainerStatus.RUNNING && st != ContainerStatus.PAUSED) {
        throw new NotModified("Container " + r.id() + " is already stopped");
      }
      int sig = signal != null && !signal.isEmpty() ? Signals.parse(signal) : stopSignal(r);
      timeout = timeoutSeconds != null ? timeoutSeconds
          : r.config().stopTimeout() != null ? r.config().stopTimeout() : DEFAULT_STOP_TIMEOUT;
      ContainerRecord marked = r.withManuallyStopped(true);
      c.update(marked);
      ctx.store().put(marked);
      exit = c.exitFuture;
      signalLocked(c, sig);
      if (st == ContainerStatus.PAUSED) {
        ctx.runtime().resume(c.id()); // a frozen process cannot act on the signal
      }
    } finally {
      c.lock.unlock();
    }
    if (!await(exit, timeout)) {
      c.lock.lock();
      try {
        if (c.status() == ContainerStatus.RUNNING || c.status() == ContainerStatus.PAUSED) {
          signalLocked(c, 9);
        }
      } finally {
        c.lock.unlock();
      }
      if (!await(exit, 30)) {
        throw new Internal("container " + c.id() + " did not exit after SIGKILL");
      }
    }
    ctx.events().container(c.record(), "stop", null);
  }

  void kill(String ref, String signal) {
    Container c = ctx.registry().resolve(ref);
    c.lock.lock();
    try {
      ContainerRecord r = c.record();
      ContainerStatus st = r.state().status();
      int sig = signal == null || signal.isEmpty() ? 9 : Signals.parse(signal);
      if (st == ContainerStatus.RESTARTING) {
        // as in Docker: no process to signal, but the pending restart is called off
        ContainerRemover.cancelRestart(c);
        ContainerRecord stopped = r.withManuallyStopped(true).withState(r.state().withStatus(ContainerStatus.EXITED));
        c.update(stopped);
        ctx.store().put(stopped);
        return;
      }
      if (st != ContainerStatus.RUNNING && st != ContainerStatus.PAUSED) {
        throw new Conflict("Container " + r.id() + " is not running");
      }
      if (sig == 9 || sig == stopSignal(r)) {
        ContainerRecord marked = r.withManuallyStopped(true);
        c.update(marked);
        ctx.store().put(marked);
      }
      signalLocked(c, sig);
      if (st == ContainerStatus.PAUSED && sig == 9) {
        ctx.runtime().resume(c.id());
      }
    } finally {
      c.lock.unlock();
    }
  }

  void restart(String ref, String signal, Integer timeoutSeconds) {
    try {
      stop(ref, signal, timeoutSeconds);
    } catch (NotModified alreadyStopped) {
      // restart of a stopped container just starts it
    }
    Container c = ctx.registry().resolve(ref);
    awaitExitRecorded(c);
    start(ref);
    ctx.events().container(c.record(), "restart", null);
  }

  void pause(String ref) {
    Container c = ctx.registry().resolve(ref);
    c.lock.lock();
    try {
      ContainerRecord r = c.record();
      switch (r.state().status()) {
        case PAUSED -> throw new Conflict("Container " + r.id() + " is already paused");
        case RUNNING -> { }
        case RESTARTING -> throw new Conflict("Container " + r.id() + " is restarting, wait until the container is running");
        default -> throw new Conflict("Container " + r.id() + " is not running");
      }
      ctx.runtime().pause(r.id());
      ContainerRecord p = r.withState(r.state().withStatus(ContainerStatus.PAUSED));
      c.update(p);
      ctx.store().put(p);
      ctx.events().container(p, "pause", null);
    } finally {
      c.lock.unlock();
    }
  }

  void unpause(String ref) {
    Container c = ctx.registry().resolve(ref);
    c.lock.lock();
    try {
      ContainerRecord r = c.record();
      if (r.state().status() != ContainerStatus.PAUSED) {
        throw new Conflict("Container " + r.id() + " is not paused");
      }
      ctx.runtime().resume(r.id());
      ContainerRecord p = r.withState(r.state().withStatus(ContainerStatus.RUNNING));
      c.update(p);
      ctx.store().put(p);
      ctx.events().container(p, "unpause", null);
    } finally {
      c.lock.unlock();
    }
  }

  void rename(String ref, String newName) {
    if (newName == null || newName.isEmpty()) {
      throw new InvalidArgument("Neither old nor new names may be empty");
    }
    String full = ContainerRegistry.validateName(newName);
    Container c = ctx.registry().resolve(ref);
    c.lock.lock();
    try {
      ContainerRecord r = c.record();
      String old = r.name();
      if (old.equals(full)) {
        throw new InvalidArgument("Renaming a container with the same name as its current name");
      }
      ctx.registry().reserveName(full, r.id());
      ContainerRecord renamed = r.withName(full);
      try {
        ctx.store().put(renamed);
      } catch (RuntimeException e) {
        ctx.registry().releaseName(full, r.id());
        throw e;
      }
      c.update(renamed);
      ctx.registry().releaseName(old, r.id());
      ctx.events().container(renamed, "rename", Map.of("oldName", old));
    } finally {
      c.lock.unlock();
    }
  }

  CompletionStage<WaitResponse> waitFor(String ref, String condition) {
    Container c = ctx.registry().resolve(ref);
    String cond = condition == null || condition.isEmpty() ? "not-running" : condition;
    CompletableFuture<WaitResponse> f = new CompletableFuture<>();
    c.lock.lock();
    try {
      // waiters whose client went away (the API cancels them) need not be kept until the next exit
      c.nextExitWaiters.removeIf(CompletableFuture::isDone);
      c.removedWaiters.removeIf(CompletableFuture::isDone);
      switch (cond) {
        case "not-running" -> {
          ContainerStatus st = c.status();
          if (st == ContainerStatus.RUNNING || st == ContainerStatus.PAUSED || st == ContainerStatus.RESTARTING) {
            c.nextExitWaiters.add(f);
          } else {
            f.complete(new WaitResponse((long) c.record().state().exitCode(), null));
          }
        }
        case "next-exit" -> c.nextExitWaiters.add(f);
        case "removed" -> c.removedWaiters.add(f);
        default -> throw new InvalidArgument("invalid condition: \"" + condition + "\"");
      }
    } finally {
      c.lock.unlock();
    }
    return f;
  }

  private void signalLocked(Container c, int sig) {
    try {
      ctx.runtime().kill(c.id(), sig, false);
    } catch (RuntimeException e) {
      // the process may have exited a moment ago, its exit not yet handled: that is not an error
      boolean gone = ctx.runtime().state(c.id()).map(s -> s.status().equals("stopped")).orElse(true);
      if (!gone) {
        throw e;
      }
    }
    ctx.events().container(c.record(), "kill", Map.of("signal", Integer.toString(sig)));
  }

  static int stopSignal(ContainerRecord r) {
    String s = r.config().stopSignal();
    return s == null || s.isEmpty() ? 15 : Signals.parse(s);
  }

  private static boolean await(CompletableFuture<Integer> exit, int seconds) {
    try {
      if (seconds < 0) {
        exit.get();
      } else {
        exit.get(seconds, TimeUnit.SECONDS);
      }
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Internal("interrupted while stopping", e);
    } catch (ExecutionException e) {
      return true;
    }
  }

  /** The exit future completes inside the exit handler's lock; wait for that lock to be released. */
  private static void awaitExitRecorded(Container c) {
    c.lock.lock();
    c.lock.unlock();
  }
}
