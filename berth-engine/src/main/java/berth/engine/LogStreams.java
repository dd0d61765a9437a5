package berth.engine;

import berth.core.errors.Internal;
import berth.runtime.logs.LogEntry;
import berth.runtime.logs.LogReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * GET /containers/{id}/logs over conmon's k8s-file log: a reader on a virtual thread feeds a small
 * queue that the API drains; closing the source stops the reader (also while following).
 */
final class LogStreams {
  private LogStreams() {}

  static FrameSource open(Container c, ContainerFiles files, LogOptions o) {
    boolean tty = Boolean.TRUE.equals(c.record().config().tty());
    LogReader.Options opts = LogReader.Options.all().tail(o.tail()).follow(o.follow()).timestamps(o.timestamps())
        .since(o.since()).until(o.until());
    QueueSource src = new QueueSource(tty);
    Thread.ofVirtual().name("logs-" + c.id().substring(0, 12)).start(() -> {
      try {
        new LogReader(files.log()).stream(opts, e -> src.offer(frame(e, tty, o)),
            () -> !src.closed && c.status().isRunningLike());
      } catch (IOException e) {
        src.fail(new Internal("read logs of " + c.id() + ": " + e.getMessage(), e));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        src.end();
      }
    });
    return src;
  }

  /** Log entries as frames, for attach's logs=1 replay. */
  static List<Frame> readAll(Container c, ContainerFiles files, boolean stdout, boolean stderr) {
    boolean tty = Boolean.TRUE.equals(c.record().config().tty());
    LogOptions o = new LogOptions(stdout, stderr, null, null, false, false, -1);
    List<Frame> out = new ArrayList<>();
    try {
      for (LogEntry e : new LogReader(files.log()).readAll(LogReader.Options.all())) {
        Frame f = frame(e, tty, o);
        if (f != null) {
          out.add(f);
        }
      }
    } catch (IOException e) {
      throw new Internal("read logs of " + c.id() + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static Frame frame(LogEntry e, boolean tty, LogOptions o) {
    boolean isErr = e.stream() == LogEntry.Stream.STDERR;
    if (isErr && !o.stderr() || !isErr && !o.stdout()) {
      return null;
    }
    Frame.Stream s = tty || !isErr ? Frame.Stream.STDOUT : Frame.Stream.STDERR;
    return new Frame(s, e.render(o.timestamps()), e.timestamp());
  }

  /** A bounded hand-over between the reader thread and the API. */
  static final class QueueSource implements FrameSource {
    private static final Frame END = new Frame(Frame.Stream.STDOUT, new byte[0]);
    private final BlockingQueue<Frame> queue = new ArrayBlockingQueue<>(256);
    private final boolean tty;
    volatile boolean closed;
    private volatile RuntimeException failure;

    QueueSource(boolean tty) {
      this.tty = tty;
    }

    /** Returns false when the consumer has gone, to stop the reader. */
    boolean offer(Frame f) throws IOException {
      if (f == null) {
        return !closed;
      }
      try {
        while (!closed) {
          if (queue.offer(f, 200, TimeUnit.MILLISECONDS)) {
            return true;
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return false;
    }

    void fail(RuntimeException e) {
      failure = e;
    }

    void end() {
      while (!closed) {
        try {
          if (queue.offer(END, 200, TimeUnit.MILLISECONDS)) {
            return;
          }
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    @Override
    public Frame next() throws InterruptedException {
      while (!closed) {
        Frame f = queue.poll(200, TimeUnit.MILLISECONDS);
        if (f == END) {
          if (failure != null) {
            throw failure;
          }
          return null;
        }
        if (f != null) {
          return f;
        }
      }
      return null;
    }

    @Override
    public boolean tty() {
      return tty;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
