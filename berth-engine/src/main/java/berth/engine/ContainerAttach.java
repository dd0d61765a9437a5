package berth.engine;

import berth.runtime.AttachSession;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An attach session as the API sees it: optional replayed log frames, then live output from the
 * runtime's attach socket (connected now, or at start for a created container), stdin with
 * detach-key detection. Also used for attached execs.
 */
final class ContainerAttach implements AttachStream {
  private final CompletableFuture<AttachSession> session = new CompletableFuture<>();
  private final Deque<Frame> replay;
  private final boolean tty;
  private final boolean wantStdout;
  private final boolean wantStderr;
  private final boolean live;
  private final byte[] detachKeys;
  private final OutputStream stdin = new DetachingStdin();
  private volatile boolean closed;
  private volatile boolean detached;
  /** Whether the runtime session should carry stdin. */
  final boolean wantStdin;
  /**
   * Whether the client's end of input closes the process's stdin. Docker does so for a container
   * only when it is StdinOnce without a TTY; a TTY container's stdin stays open across detaches.
   */
  volatile boolean closeStdinOnEof = true;
  /** Completes when the stream may report its end: an exec's stream ends only once its exit is recorded. */
  private volatile CompletableFuture<?> endGate = CompletableFuture.completedFuture(null);

  ContainerAttach(boolean tty, boolean stdin, boolean stdout, boolean stderr, boolean live, String detachKeys,
      List<Frame> replay) {
    this.tty = tty;
    this.wantStdin = stdin;
    this.wantStdout = stdout;
    this.wantStderr = stderr;
    this.live = live;
    this.detachKeys = DetachKeys.parse(detachKeys);
    this.replay = new ArrayDeque<>(replay);
  }

  /** Hands over the runtime session (at start, or at once for a running container). */
  void connect(AttachSession s) {
    if (!session.complete(s) || closed) {
      closeQuietly(s);
    }
  }

  /**
   * Holds back the end of output until {@code gate} completes, so a client that asks for the exit
   * code as soon as the stream ends (the docker CLI after exec) finds it recorded.
   */
  void endAfter(CompletableFuture<?> gate) {
    endGate = gate;
  }

  /** The container will not produce output for this session (start failed, removed). */
  void abandon() {
    session.complete(null);
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public boolean tty() {
    return tty;
  }

  @Override
  public Frame next() throws InterruptedException {
    if (!replay.isEmpty()) {
      return replay.removeFirst();
    }
    if (!live) {
      return null;
    }
    AttachSession s = awaitSession();
    while (s != null && !closed) {
      AttachSession.Frame f;
      try {
        f = s.read();
      } catch (IOException e) {
        f = null;
      }
      if (f == null) {
        awaitEndGate();
        return null;
      }
      Frame.Stream stream = tty || f.stream() == AttachSession.StreamType.STDOUT ? Frame.Stream.STDOUT
          : Frame.Stream.STDERR;
      if (stream == Frame.Stream.STDOUT && wantStdout || stream == Frame.Stream.STDERR && wantStderr) {
        return new Frame(stream, f.data());
      }
    }
    return null;
  }

  private void awaitEndGate() throws InterruptedException {
    while (!closed) {
      try {
        endGate.get(200, TimeUnit.MILLISECONDS);
        return;
      } catch (TimeoutException e) {
        // check closed again: closing or detaching ends the stream at once
      } catch (ExecutionException e) {
        return;
      }
    }
  }

  private AttachSession awaitSession() throws InterruptedException {
    while (!closed) {
      try {
        return session.get(200, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // check closed again
      } catch (ExecutionException e) {
        return null;
      }
    }
    return null;
  }

  @Override
  public OutputStream stdin() {
    return stdin;
  }

  @Override
  public void closeStdin() throws IOException {
    if (!closeStdinOnEof) {
      // Docker: the process keeps its stdin, and the session ends with the client's input
      if (wantStdin) {
        close();
      }
      return;
    }
    AttachSession s = session.getNow(null);
    if (s != null && !closed) {
      s.closeStdin();
    }
  }

  @Override
  public boolean detached() {
    return detached;
  }

  @Override
  public void close() {
    closed = true;
    AttachSession s = session.getNow(null);
    if (s != null) {
      closeQuietly(s);
    } else {
      session.complete(null);
    }
  }

  private static void closeQuietly(AttachSession s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // the peer is gone already
    }
  }

  /** Passes input through, holding back a possible detach sequence until it is decided. */
  private final class DetachingStdin extends OutputStream {
    private int matched;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) throws IOException {
      java.io.ByteArrayOutputStream pass = new java.io.ByteArrayOutputStream();
      for (int i = off; i < off + len; i++) {
        byte b = buf[i];
        if (detachKeys.length > 0 && b == detachKeys[matched]) {
          matched++;
          if (matched == detachKeys.length) {
            forward(pass.toByteArray());
            detached = true;
            close();
            ContainerAttach.this.close();
            return;
          }
          continue;
        }
        if (matched > 0) {
          pass.write(detachKeys, 0, matched);
          matched = 0;
        }
        pass.write(b);
      }
      forward(pass.toByteArray());
    }

    private void forward(byte[] data) throws IOException {
      if (data.length == 0 || closed) {
        return;
      }
      AttachSession s;
      try {
        s = awaitSession();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      if (s != null && s.stdin() != null) {
        s.stdin().write(data);
        s.stdin().flush();
      }
    }
  }
}
