package berth.engine;

import berth.api.model.DockerTime;
import berth.api.model.Event;
import berth.api.model.ExecConfig;
import berth.api.model.Health;
import berth.api.model.HealthConfig;
import berth.api.model.HealthcheckResult;
import berth.core.Ids;
import berth.runtime.AttachSession;
import berth.runtime.ExecRequest;
import berth.runtime.ExecSession;
import berth.runtime.oci.Spec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Docker's health checks: while a container with a Healthcheck runs, its test is exec'd every
 * interval (start interval during the start period), with a timeout; a success makes it healthy,
 * Retries failures in a row (not counting the start period) unhealthy. Keeps the last 5 results
 * and publishes "health_status: ..." when the status changes.
 */
final class HealthMonitor implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(HealthMonitor.class.getName());
  static final long DEFAULT_INTERVAL = 30_000_000_000L;
  static final long DEFAULT_TIMEOUT = 30_000_000_000L;
  static final long DEFAULT_START_INTERVAL = 5_000_000_000L;
  static final int DEFAULT_RETRIES = 3;
  static final int KEEP = 5;
  private static final int MAX_OUTPUT = 4096;
  private final EngineContext ctx;
  private final ExecManager execs;

  HealthMonitor(EngineContext ctx, ExecManager execs) {
    this.ctx = ctx;
    this.execs = execs;
  }

  void startAll() {
    for (Container c : ctx.registry().all()) {
      if (c.status() == ContainerStatus.RUNNING) {
        start(c);
      }
    }
  }

  void onEvent(Event e) {
    if (!"container".equals(e.type()) || !"start".equals(e.action()) || e.actor() == null) {
      return;
    }
    ctx.registry().byId(e.actor().id()).ifPresent(this::start);
  }

  static boolean enabled(HealthConfig h) {
    return h != null && h.test() != null && !h.test().isEmpty() && !h.test().get(0).equals("NONE");
  }

  private void start(Container c) {
    HealthConfig h = c.record().config().healthcheck();
    if (!enabled(h)) {
      return;
    }
    c.lock.lock();
    try {
      if (c.stopHealth != null) {
        c.stopHealth.run();
      }
      ContainerRecord r = c.record();
      ContainerRecord withHealth = r.withState(r.state().withHealth(new Health("starting", 0, List.of())));
      c.update(withHealth);
      ctx.store().put(withHealth);
      long startedAt = r.state().startedAtNanos();
      Probe probe = new Probe(c, h, startedAt);
      c.stopHealth = probe::cancel;
      probe.schedule();
    } finally {
      c.lock.unlock();
    }
  }

  /** The schedule of one container run's checks. */
  private final class Probe {
    private final Container c;
    private final HealthConfig h;
    private final long startedAt;
    private volatile boolean cancelled;
    private volatile ScheduledFuture<?> next;

    Probe(Container c, HealthConfig h, long startedAt) {
      this.c = c;
      this.h = h;
      this.startedAt = startedAt;
    }

    void cancel() {
      cancelled = true;
      ScheduledFuture<?> n = next;
      if (n != null) {
        n.cancel(false);
      }
    }

    boolean inStartPeriod() {
      long period = v(h.startPeriod(), 0);
      return ContainerCreator.nowNanos() - startedAt < period;
    }

    void schedule() {
      if (cancelled) {
        return;
      }
      // Docker probes at StartInterval during the start period when one is set, else every Interval
      long delay = inStartPeriod() && v(h.startInterval(), 0) > 0 ? h.startInterval() : v(h.interval(), DEFAULT_INTERVAL);
      try {
        next = ctx.scheduler().schedule(() -> Thread.ofVirtual().start(this::runOnce), delay, TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        cancelled = true; // the engine is closing
      }
    }

    private void runOnce() {
      if (cancelled || c.status() != ContainerStatus.RUNNING) {
        return;
      }
      boolean startPeriod = inStartPeriod();
      HealthcheckResult result = probe();
      if (cancelled) {
        return;
      }
      record(result, startPeriod);
      schedule();
    }

    private HealthcheckResult probe() {
      Instant start = Instant.now();
      List<String> test = h.test();
      List<String> cmd = test.get(0).equals("CMD-SHELL") ? List.of("/bin/sh", "-c", String.join(" ", test.subList(1,
          test.size()))) : test.get(0).equals("CMD") ? test.subList(1, test.size()) : test;
      long timeout = v(h.timeout(), DEFAULT_TIMEOUT);
      ExecSession s = null;
      try {
        ExecConfig cfg = new ExecConfig(false, true, true, null, null, false, null, cmd, false, null, null);
        Spec.Process p = execs.process(c.record(), cfg, false, null);
        s = ctx.runtime().exec(c.id(), new ExecRequest("health-" + Ids.newId().substring(0, 16), p, false, false));
        if (s.startError() != null) {
          return new HealthcheckResult(DockerTime.format(start), DockerTime.format(Instant.now()), -1, s.startError());
        }
        ExecSession session = s;
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> drain(session),
            r -> Thread.ofVirtual().start(r));
        String out = output.get(timeout, TimeUnit.NANOSECONDS);
        int code = session.waitFor();
        return new HealthcheckResult(DockerTime.format(start), DockerTime.format(Instant.now()), code, out);
      } catch (TimeoutException e) {
        return new HealthcheckResult(DockerTime.format(start), DockerTime.format(Instant.now()), -1,
            "Health check exceeded timeout (" + java.time.Duration.ofNanos(timeout).toSeconds() + "s)");
      } catch (Exception e) {
        return new HealthcheckResult(DockerTime.format(start), DockerTime.format(Instant.now()), -1,
            String.valueOf(e.getMessage()));
      } finally {
        if (s != null) {
          try {
            s.close();
          } catch (IOException ignored) {
            // the probe's process is done
          }
        }
      }
    }

    private void record(HealthcheckResult result, boolean startPeriod) {
      c.lock.lock();
      try {
        ContainerRecord r = c.record();
        if (r.state().status() != ContainerStatus.RUNNING || r.state().startedAtNanos() != startedAt) {
          return;
        }
        Health old = r.state().health() == null ? new Health("starting", 0, List.of()) : r.state().health();
        List<HealthcheckResult> log = new ArrayList<>(old.log() == null ? List.of() : old.log());
        log.add(result);
        while (log.size() > KEEP) {
          log.remove(0);
        }
        String status = old.status();
        int streak = old.failingStreak() == null ? 0 : old.failingStreak();
        if (result.exitCode() == 0) {
          status = "healthy";
          streak = 0;
        } else if (!startPeriod || !"starting".equals(status)) {
          streak++;
          if (streak >= (h.retries() == null || h.retries() <= 0 ? DEFAULT_RETRIES : h.retries())) {
            status = "unhealthy";
          }
        }
        Health nh = new Health(status, streak, log);
        ContainerRecord updated = r.withState(r.state().withHealth(nh));
        c.update(updated);
        ctx.store().put(updated);
        if (!status.equals(old.status())) {
          ctx.events().container(updated, "health_status: " + status, Map.of());
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "recording health of " + c.id(), e);
      } finally {
        c.lock.unlock();
      }
    }
  }

  private static String drain(AttachSession s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (AttachSession.Frame f; (f = s.read()) != null; ) {
        if (out.size() < MAX_OUTPUT) {
          out.write(f.data(), 0, Math.min(f.data().length, MAX_OUTPUT - out.size()));
        }
      }
    } catch (IOException e) {
      // the process closed its output
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static long v(Long x, long dflt) {
    return x == null || x == 0 ? dflt : x;
  }

  @Override
  public void close() {
    for (Container c : ctx.registry().all()) {
      if (c.stopHealth != null) {
        c.stopHealth.run();
      }
    }
  }
}
