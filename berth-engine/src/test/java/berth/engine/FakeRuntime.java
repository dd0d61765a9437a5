package berth.engine;

import berth.runtime.AttachSession;
import berth.runtime.CgroupStats;
import berth.runtime.ContainerRuntime;
import berth.runtime.ExecRequest;
import berth.runtime.ExecSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/** A runtime that records calls and simulates processes: exits on SIGTERM/SIGKILL unless told not to. */
class FakeRuntime implements ContainerRuntime {
  final List<String> calls = new CopyOnWriteArrayList<>();
  final Map<String, String> states = new ConcurrentHashMap<>();
  final Map<String, Integer> exitCodes = new ConcurrentHashMap<>();
  /** How long an exec's exit is reported after its output ends, as conmon can lag behind. */
  volatile long execExitDelayMillis;
  final List<Consumer<ExitEvent>> listeners = new CopyOnWriteArrayList<>();
  final Map<String, FakeSession> attaches = new ConcurrentHashMap<>();
  volatile boolean ignoreTerm;
  volatile String failStart;
  final Map<String, CreateRequest> created = new ConcurrentHashMap<>();
  private int nextPid = 1000;

  @Override
  public String name() {
    return "runc";
  }

  @Override
  public synchronized Created create(CreateRequest r) {
    calls.add("create " + r.id());
    created.put(r.id(), r);
    if (failStart != null) {
      throw new berth.core.errors.Internal(failStart);
    }
    states.put(r.id(), "created");
    return new Created(++nextPid, 1);
  }

  @Override
  public void start(String id) {
    calls.add("start " + id);
    states.put(id, "running");
  }

  @Override
  public void kill(String id, int signal, boolean all) {
    calls.add("kill " + id + " " + signal);
    if (signal == 9 || signal == 15 && !ignoreTerm) {
      Thread.ofVirtual().start(() -> exit(id, 128 + signal));
    }
  }

  /** Simulates the container's process exiting. */
  void exit(String id, int code) {
    states.put(id, "stopped");
    exitCodes.put(id, code);
    FakeSession s = attaches.get(id);
    if (s != null) {
      s.end();
    }
    for (Consumer<ExitEvent> l : listeners) {
      l.accept(new ExitEvent(id, code, System.currentTimeMillis() * 1_000_000L, false));
    }
  }

  @Override
  public void pause(String id) {
    calls.add("pause " + id);
    states.put(id, "paused");
  }

  @Override
  public void resume(String id) {
    calls.add("resume " + id);
    states.put(id, "running");
  }

  @Override
  public void delete(String id, boolean force) {
    calls.add("delete " + id);
    states.remove(id);
  }

  @Override
  public Optional<RuntimeState> state(String id) {
    String s = states.get(id);
    return s == null ? Optional.empty() : Optional.of(new RuntimeState(s, 4242));
  }

  @Override
  public OptionalInt exitCode(String id) {
    Integer c = exitCodes.get(id);
    return c == null ? OptionalInt.empty() : OptionalInt.of(c);
  }

  @Override
  public void onExit(Consumer<ExitEvent> listener) {
    listeners.add(listener);
  }

  @Override
  public AttachSession attach(String id, boolean stdin) {
    calls.add("attach " + id + " " + stdin);
    FakeSession s = new FakeSession();
    attaches.put(id, s);
    return s;
  }

  @Override
  public void resize(String id, int height, int width) {
    calls.add("resize " + id + " " + height + "x" + width);
  }

  @Override
  public ExecSession exec(String id, ExecRequest request) {
    calls.add("exec " + id + " " + String.join(" ", request.process().args()));
    FakeExec e = new FakeExec(execExitDelayMillis);
    e.emit(AttachSession.StreamType.STDOUT, "out\n");
    e.end();
    return e;
  }

  @Override
  public List<Integer> pids(String id) {
    return List.of(1);
  }

  @Override
  public CgroupStats stats(String id) {
    return new CgroupStats(100, 10, 90, 1000, 2, new long[] {50, 50}, 4096, 8192, 5000, Map.of("cache", 1L), 1, 0,
        0, 0, 0, 0, 0);
  }

  /** Output the test feeds; stdin the test reads back. */
  static class FakeSession implements AttachSession {
    final LinkedBlockingQueue<Optional<Frame>> frames = new LinkedBlockingQueue<>();
    final ByteArrayOutputStream in = new ByteArrayOutputStream();
    volatile boolean stdinClosed;
    volatile boolean closed;

    void emit(StreamType t, String s) {
      frames.add(Optional.of(new Frame(t, s.getBytes())));
    }

    void end() {
      frames.add(Optional.empty());
    }

    @Override
    public Frame read() throws IOException {
      try {
        Optional<Frame> f = frames.take();
        return f.orElse(null);
      } catch (InterruptedException e) {
        throw new IOException(e);
      }
    }

    @Override
    public OutputStream stdin() {
      return in;
    }

    @Override
    public void closeStdin() {
      stdinClosed = true;
    }

    @Override
    public void close() {
      closed = true;
      end();
    }
  }

  static class FakeExec extends FakeSession implements ExecSession {
    private final long exitDelayMillis;

    FakeExec() {
      this(0);
    }

    FakeExec(long exitDelayMillis) {
      this.exitDelayMillis = exitDelayMillis;
    }

    @Override
    public int pid() {
      return 777;
    }

    @Override
    public int waitFor() throws InterruptedException {
      Thread.sleep(exitDelayMillis);
      return 3;
    }

    @Override
    public void resize(int height, int width) {}
  }
}
