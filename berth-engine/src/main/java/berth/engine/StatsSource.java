package berth.engine;

import berth.api.model.ContainerStats;
import berth.runtime.CgroupStats;
import java.time.Instant;

/**
 * Samples for GET /containers/{id}/stats: about one a second while streaming; a single sample
 * (taken a second after a first reading, so precpu_stats is filled, as Docker does) otherwise.
 */
final class StatsSource implements BlockingSource<ContainerStats> {
  private static final long INTERVAL_MS = 1000;
  private final EngineContext ctx;
  private final Container c;
  private final boolean stream;
  private final boolean oneShot;
  private volatile boolean closed;
  private boolean sentOne;
  private CgroupStats prev;
  private Instant prevAt;

  StatsSource(EngineContext ctx, Container c, boolean stream, boolean oneShot) {
    this.ctx = ctx;
    this.c = c;
    this.stream = stream;
    this.oneShot = oneShot;
  }

  @Override
  public ContainerStats next() throws InterruptedException {
    if (closed || sentOne && !stream) {
      return null;
    }
    String name = c.record().name();
    if (c.status() != ContainerStatus.RUNNING && c.status() != ContainerStatus.PAUSED) {
      // Docker sends one empty sample for a container that is not running, then ends the stream
      if (sentOne) {
        return null;
      }
      sentOne = true;
      return StatsTranslator.empty(c.id(), name);
    }
    if (prev == null && !stream && !oneShot) {
      prev = read();
      prevAt = Instant.now();
      sleep();
    } else if (sentOne) {
      sleep();
    }
    if (closed) {
      return null;
    }
    CgroupStats now = read();
    if (now == null) {
      sentOne = true;
      return StatsTranslator.empty(c.id(), name);
    }
    Instant at = Instant.now();
    ContainerStats s = StatsTranslator.toDocker(c.id(), name, now, at, prev, prevAt);
    prev = now;
    prevAt = at;
    sentOne = true;
    return s;
  }

  private CgroupStats read() {
    try {
      return ctx.runtime().stats(c.id());
    } catch (RuntimeException e) {
      return null;
    }
  }

  private void sleep() throws InterruptedException {
    long end = System.currentTimeMillis() + INTERVAL_MS;
    while (!closed && System.currentTimeMillis() < end) {
      Thread.sleep(Math.min(100, Math.max(1, end - System.currentTimeMillis())));
    }
  }

  @Override
  public void close() {
    closed = true;
  }
}
