package berth.engine;

import berth.api.model.WaitResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One container while the engine runs: its current record, its lock, and the things waiting on
 * it. Public methods of the services take {@link #lock} and then read {@link #record()}; only
 * code holding the lock calls {@link #update}.
 */
public final class Container {
  final ReentrantLock lock = new ReentrantLock();
  private volatile ContainerRecord record;
  /** Completed with the exit code when the current run ends. */
  CompletableFuture<Integer> exitFuture = new CompletableFuture<>();
  final List<CompletableFuture<WaitResponse>> nextExitWaiters = new ArrayList<>();
  final List<CompletableFuture<WaitResponse>> removedWaiters = new ArrayList<>();
  /** Attach sessions opened before start; connected between runtime create and start. */
  final List<ContainerAttach> pendingAttaches = new ArrayList<>();
  /** A restart scheduled by the restart policy (status restarting). */
  ScheduledFuture<?> scheduledRestart;
  /** The restart manager's back-off (ms) for the next restart. */
  long backoffMillis;
  /** Exec ids of this container (in memory, as in Docker). */
  final List<String> execIds = new java.util.concurrent.CopyOnWriteArrayList<>();
  /** Cancels this container's health monitor, when one runs. */
  volatile Runnable stopHealth;

  Container(ContainerRecord record) {
    this.record = record;
  }

  public ContainerRecord record() {
    return record;
  }

  public String id() {
    return record.id();
  }

  /** Replaces the record in memory; the caller persists it. Requires the lock. */
  void update(ContainerRecord r) {
    if (!lock.isHeldByCurrentThread()) {
      throw new IllegalStateException("container lock not held");
    }
    record = r;
  }

  public ContainerStatus status() {
    return record.state().status();
  }
}
