package berth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import berth.runtime.ContainerRuntime.CreateRequest;
import berth.runtime.ContainerRuntime.ExitEvent;
import berth.runtime.logs.LogEntry;
import berth.runtime.logs.LogReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/** Shared set-up: a runtime on a private exec root, busybox bundles, and cleanup checks. */
@Tag("integration")
abstract class ConmonRuntimeIT {
  Path root;
  ConmonRuntime rt;
  final List<String> ids = new ArrayList<>();
  final Map<String, BlockingQueue<ExitEvent>> exits = new ConcurrentHashMap<>();

  @BeforeEach
  void setUp() throws IOException {
    root = Files.createTempDirectory(Path.of("/tmp"), "berth-b-");
    rt = newRuntime();
  }

  ConmonRuntime newRuntime() {
    ConmonRuntime r = new ConmonRuntime(ConmonRuntime.Config.defaults(root.resolve("run")));
    r.onExit(ev -> exits.computeIfAbsent(ev.id(), k -> new LinkedBlockingQueue<>()).add(ev));
    return r;
  }

  @AfterEach
  void tearDown() throws Exception {
    try {
      for (String id : ids) {
        var conmon = rt.conmonPid(id).flatMap(ProcessHandle::of);
        rt.delete(id, true);
        conmon.ifPresent(p -> assertThat(p.isAlive()).as("conmon of " + id + " still running").isFalse());
        assertThat(rt.state(id)).isEmpty();
        assertThat(root.resolve("run/conmon").resolve(id)).doesNotExist();
        for (String ctrl : List.of("memory", "pids", "cpuacct", "freezer")) {
          assertThat(Path.of("/sys/fs/cgroup", ctrl, "berth", id)).doesNotExist();
        }
      }
    } finally {
      rt.close();
      new ProcessBuilder("rm", "-rf", root.toString()).start().waitFor();
    }
  }

  String newId() {
    String id = "b-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    ids.add(id);
    return id;
  }

  Path bundle(String id, DockerDefaults.Builder spec) throws IOException {
    return BusyboxBundle.create(root.resolve("bundles").resolve(id), spec.build());
  }

  Path logPath(String id) {
    return root.resolve("containers").resolve(id).resolve("ctr.log");
  }

  ContainerRuntime.Created run(String id, DockerDefaults.Builder spec, boolean tty, boolean stdin) throws IOException {
    Path b = bundle(id, spec.terminal(tty));
    ContainerRuntime.Created c = rt.create(new CreateRequest(id, b, logPath(id), tty, stdin, stdin, null));
    rt.start(id);
    return c;
  }

  ExitEvent awaitExit(String id) throws InterruptedException {
    BlockingQueue<ExitEvent> q = exits.computeIfAbsent(id, k -> new LinkedBlockingQueue<>());
    ExitEvent ev = q.poll(20, TimeUnit.SECONDS);
    assertThat(ev).as("exit event for " + id).isNotNull();
    return ev;
  }

  List<LogEntry> logs(String id) throws IOException {
    return new LogReader(logPath(id)).readAll(LogReader.Options.all());
  }

  static String text(List<LogEntry> entries, LogEntry.Stream stream) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    entries.stream().filter(e -> stream == null || e.stream() == stream).forEach(e -> out.writeBytes(e.data()));
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Reads attach output until {@code expected} appears (or the stream ends / times out). */
  static String readUntil(AttachSession s, String expected, Duration timeout) throws Exception {
    StringBuilder sb = new StringBuilder();
    Thread t = Thread.ofPlatform().start(() -> {
      try {
        AttachSession.Frame f;
        while ((f = s.read()) != null) {
          synchronized (sb) {
            sb.append(new String(f.data(), StandardCharsets.UTF_8));
            if (sb.toString().contains(expected)) {
              return;
            }
          }
        }
      } catch (IOException ignored) {
        // closed
      }
    });
    t.join(timeout);
    synchronized (sb) {
      return sb.toString();
    }
  }
}
