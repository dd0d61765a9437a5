package berth.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real berthd running as a child process on its own socket, data root and exec root under
 * /tmp/berth-f-XXXXXXXX (short, so every Unix socket path below it stays under 108 bytes).
 * The daemon runs from this JVM's own class path, so tests exercise the code just built.
 */
public final class BerthDaemon {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  /** The docker CLI the suite checks compatibility with: the machine's v28 client, else whatever is on PATH. */
  private static final String DOCKER_CLI = Files.isExecutable(Path.of("/usr/local/bin/docker")) ? "/usr/local/bin/docker" : "docker";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path base;
  private final Path dataRoot;
  private final Path execRoot;
  private final Path socket;
  private final Path binDir;
  private final Path logFile;
  private final NetSlot net;
  private final String classPath = StableClassPath.get();
  private final String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private final UnixHttp http;
  private final EventRecorder events;
  private Process process;

  /** A test JVM that dies must not leave daemons behind; this hook SIGKILLs whatever still runs. */
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly)));
  }

  /** Set when the tests drive an engine someone else started (see {@link #external}). */
  private final boolean external;

  private BerthDaemon(Path base, Path externalSocket) {
    this.base = base;
    this.dataRoot = base.resolve("data");
    this.execRoot = base.resolve("x");
    this.external = externalSocket != null;
    this.socket = external ? externalSocket : execRoot.resolve("berth.sock");
    this.binDir = base.resolve("bin");
    this.logFile = base.resolve("berthd.log");
    this.http = new UnixHttp(socket);
    this.events = new EventRecorder(http);
    this.net = external ? null : NetSlot.claim();
  }

  /** This daemon's own network slot (subnet, bridge name); null for an external engine. */
  NetSlot net() {
    return net;
  }

  /** Makes the directories and the {@code berth} wrapper; does not start anything. */
  public static BerthDaemon create() {
    return create(null);
  }

  /**
   * An engine already listening on {@code socket} (a Docker, say, to check that the tests' own
   * expectations hold there): start, stop and the leak checks do not apply to it.
   */
  public static BerthDaemon external(Path socket) {
    return create(socket);
  }

  private static BerthDaemon create(Path externalSocket) {
    Path base = Path.of("/tmp/berth-f-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
    BerthDaemon d = new BerthDaemon(base, externalSocket);
    try {
      Files.createDirectories(d.dataRoot);
      Files.createDirectories(d.execRoot);
      Files.createDirectories(d.binDir);
      Files.createDirectories(base.resolve("docker-config"));
      if (d.net != null) {
        Files.writeString(base.resolve("daemon.json"), d.net.daemonJson());
      }
      Path wrapper = d.binDir.resolve("berth");
      // The launcher's start-up flags (dist/bin/berth): the CLI runs hundreds of times per suite.
      Files.writeString(wrapper, "#!/bin/sh\nexec '" + d.javaBin + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
          + " -XX:-UsePerfData --enable-native-access=ALL-UNNAMED -cp '" + d.classPath + "' berth.cli.Main \"$@\"\n");
      Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException("prepare " + base, e);
    }
    return d;
  }

  public Path base() { return base; }
  public Path dataRoot() { return dataRoot; }
  public Path execRoot() { return execRoot; }
  public Path socket() { return socket; }
  public Path logFile() { return logFile; }
  /** {@code unix:///...} for DOCKER_HOST / BERTH_HOST. */
  public String host() { return "unix://" + socket; }
  /** Raw HTTP on the daemon's socket. */
  public UnixHttp api() { return http; }
  /** Container ids seen in the event stream since the daemon first started. */
  public EventRecorder events() { return events; }
  public boolean isRunning() { return external ? pingOk() : process != null && process.isAlive(); }
  public boolean isExternal() { return external; }
  public long pid() { return process.pid(); }

  /** Starts berthd and waits until /_ping answers. */
  public synchronized void start() {
    if (external) {
      if (!pingOk()) {
        throw new IllegalStateException("external engine on " + socket + " does not answer /_ping");
      }
      events.startFollowing();
      return;
    }
    if (isRunning()) {
      throw new IllegalStateException("berthd already running (pid " + process.pid() + ")");
    }
    List<String> cmd = List.of(javaBin, "--enable-native-access=ALL-UNNAMED", "-cp", classPath, "berth.daemon.Main",
        "--data-root", dataRoot.toString(), "--exec-root", execRoot.toString(), "-H", host(), "--debug",
        "--config-file", base.resolve("daemon.json").toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    try {
      process = pb.start();
      LIVE.removeIf(p -> !p.isAlive());
      LIVE.add(process);
    } catch (IOException e) {
      throw new UncheckedIOException("start berthd", e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("berthd exited with " + process.exitValue() + " during start-up:\n" + logTail(60));
      }
      if (pingOk()) {
        events.startFollowing();
        return;
      }
      sleep(100);
    }
    throw new IllegalStateException("berthd did not answer /_ping on " + socket + " within 60 s:\n" + logTail(60));
  }

  /** SIGTERM and wait; true when it exited by itself within the grace period (else it is SIGKILLed). */
  public synchronized boolean stop() {
    requireOwn("stop");
    if (process == null) {
      return true;
    }
    events.stopFollowing();
    process.destroy();
    boolean graceful = waitExit(Duration.ofSeconds(30));
    if (!graceful) {
      process.destroyForcibly();
      waitExit(Duration.ofSeconds(10));
    }
    return graceful;
  }

  /** SIGKILL, as a crash would: containers must keep running under conmon. */
  public synchronized void kill9() {
    requireOwn("kill -9");
    events.stopFollowing();
    process.destroyForcibly();
    waitExit(Duration.ofSeconds(10));
  }

  /** A graceful stop then start on the same roots; fails if berthd ignored SIGTERM. */
  public void restart() {
    if (!stop()) {
      throw new AssertionError("berthd did not exit within 30 s of SIGTERM:\n" + logTail(40));
    }
    start();
  }

  private void requireOwn(String what) {
    if (external) {
      events.stopFollowing();
      throw new UnsupportedOperationException(what + " is only for a berthd the kit started, not " + socket);
    }
  }

  public boolean pingOk() {
    try {
      return http.request("GET", "/_ping", Map.of(), null, Duration.ofSeconds(2)).status() == 200;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The environment every CLI runs with: both host variables, our wrapper dir first in PATH. */
  public Map<String, String> env() {
    return Map.of("DOCKER_HOST", host(), "BERTH_HOST", host(), "DOCKER_CONFIG", base.resolve("docker-config").toString(),
        "DOCKER_CLI_HINTS", "false", "PATH", binDir + ":/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
  }

  /** The real docker CLI (/usr/local/bin/docker) pointed at this daemon. */
  public ExecResult docker(String... args) {
    return dockerIn(null, args);
  }

  public ExecResult dockerIn(String stdin, String... args) {
    return run(stdin, DOCKER_CLI, args);
  }

  /** Our CLI ({@code java -cp <class path> berth.cli.Main}) pointed at this daemon. */
  public ExecResult berth(String... args) {
    return berthIn(null, args);
  }

  public ExecResult berthIn(String stdin, String... args) {
    return run(stdin, binDir.resolve("berth").toString(), args);
  }

  /** Runs {@code sh -c script} with both CLIs on PATH and pointed at this daemon (for pipes). */
  public ExecResult sh(String script) {
    return ProcessRunner.run(List.of("sh", "-c", script), env(), null, DEFAULT_TIMEOUT);
  }

  private ExecResult run(String stdin, String program, String... args) {
    List<String> cmd = new ArrayList<>(List.of(program));
    cmd.addAll(List.of(args));
    byte[] in = stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8);
    return ProcessRunner.run(cmd, env(), in, DEFAULT_TIMEOUT);
  }

  /** GET path and parse the JSON body, failing unless the status is 2xx. */
  public JsonNode getJson(String path) {
    HttpReply r = http.get(path);
    if (r.status() / 100 != 2) {
      throw new AssertionError("GET " + path + " -> " + r);
    }
    return r.json();
  }

  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }

  /** Imports busybox:latest from the test image tar unless the daemon already has it. */
  public void importBusybox() {
    HttpReply list = http.get("/images/json?filters=%7B%22reference%22%3A%5B%22busybox%3Alatest%22%5D%7D");
    if (list.status() == 200 && list.json().size() > 0) {
      return;
    }
    byte[] tar;
    try {
      tar = Files.readAllBytes(TestImages.busyboxTar());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    HttpReply r = http.request("POST", "/images/create?fromSrc=-&repo=busybox&tag=latest",
        Map.of("Content-Type", "application/x-tar"), tar, Duration.ofMinutes(2));
    if (r.status() != 200 || r.text().contains("\"error")) {
      throw new IllegalStateException("importing busybox:latest failed: " + r);
    }
  }

  /**
   * Imports debian:bookworm (a debootstrap minbase rootfs, see {@link TestImages#debianTar()})
   * unless the daemon already has it; streamed through {@code berth import}.
   */
  public void importDebian() {
    if (berth("image", "inspect", "debian:bookworm").exitCode() == 0) {
      return;
    }
    berth("import", TestImages.debianTar().toString(), "debian:bookworm").ok();
  }

  /** Polls until the condition holds, failing with {@code what} after the timeout. */
  public static void eventually(Duration timeout, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what);
      }
      sleep(100);
    }
  }

  public String logTail(int lines) {
    try {
      List<String> all = Files.exists(logFile) ? Files.readAllLines(logFile, StandardCharsets.UTF_8) : List.of();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + logFile + ": " + e + ")";
    }
  }

  private boolean waitExit(Duration d) {
    try {
      return process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
