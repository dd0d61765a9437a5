package berth.engine;

import berth.api.model.ExecConfig;
import berth.api.model.ExecInspect;
import berth.api.model.ExecStartConfig;
import berth.api.model.IdResponse;
import berth.api.model.ProcessConfig;
import berth.core.Ids;
import berth.core.errors.Conflict;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import berth.runtime.Capabilities;
import berth.runtime.ExecRequest;
import berth.runtime.ExecSession;
import berth.runtime.oci.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link ExecService}: exec instances live in memory (as in Docker) until their container is
 * removed. The process inherits the container's environment, user, working dir and capabilities
 * unless the exec overrides them.
 */
final class ExecManager implements ExecService {
  private static final Logger LOG = Logger.getLogger(ExecManager.class.getName());
  private final EngineContext ctx;
  private final Map<String, Exec> execs = new ConcurrentHashMap<>();

  /** One exec instance; mutable fields are written by its start and its waiter thread. */
  static final class Exec {
    final String id;
    final String containerId;
    final ExecConfig config;
    volatile boolean started;
    volatile boolean running;
    volatile Integer exitCode;
    /** Completes once exitCode is recorded and running is false. */
    final java.util.concurrent.CompletableFuture<Integer> exited = new java.util.concurrent.CompletableFuture<>();
    volatile int pid;
    volatile ExecSession session;

    Exec(String id, String containerId, ExecConfig config) {
      this.id = id;
      this.containerId = containerId;
      this.config = config;
    }
  }

  ExecManager(EngineContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public IdResponse create(String containerRef, ExecConfig config) {
    Container c = ctx.registry().resolve(containerRef);
    if (config == null || config.cmd() == null || config.cmd().isEmpty()) {
      throw new InvalidArgument("No exec command specified");
    }
    if (config.detachKeys() != null && !config.detachKeys().isEmpty()) {
      DetachKeys.parse(config.detachKeys());
    }
    c.lock.lock();
    try {
      requireRunning(c);
      String id = Ids.newId();
      execs.put(id, new Exec(id, c.id(), config));
      c.execIds.add(id);
      ctx.events().container(c.record(), "exec_create: " + String.join(" ", config.cmd()), Map.of("execID", id));
      return new IdResponse(id);
    } finally {
      c.lock.unlock();
    }
  }

  private static void requireRunning(Container c) {
    ContainerStatus st = c.status();
    if (st == ContainerStatus.PAUSED) {
      throw new Conflict("Container " + c.id() + " is paused, unpause the container before exec");
    }
    if (st == ContainerStatus.RESTARTING) {
      throw new Conflict("Container " + c.id() + " is restarting, wait until the container is running");
    }
    if (st != ContainerStatus.RUNNING) {
      throw new Conflict("Container " + c.id() + " is not running");
    }
  }

  @Override
  public AttachStream start(String execId, ExecStartConfig start) {
    Exec e = get(execId);
    Container c = ctx.registry().byId(e.containerId).orElseThrow(() -> NotFound.exec(execId));
    boolean detach = start != null && Boolean.TRUE.equals(start.detach());
    ExecConfig cfg = e.config;
    boolean tty = Boolean.TRUE.equals(cfg.tty()) || start != null && Boolean.TRUE.equals(start.tty());
    ExecSession s;
    c.lock.lock();
    try {
      synchronized (e) {
        if (e.started) {
          throw new Conflict("Exec command " + execId + " has already run");
        }
        e.started = true;
      }
      requireRunning(c);
      Spec.Process process = process(c.record(), cfg, tty, start);
      boolean stdin = !detach && Boolean.TRUE.equals(cfg.attachStdin());
      String failure;
      try {
        s = ctx.runtime().exec(c.id(), new ExecRequest(execId, process, stdin, detach));
        failure = s.startError();
      } catch (InvalidArgument | berth.core.errors.Internal ex) {
        s = null;
        failure = ex.getMessage();
      }
      if (failure != null) {
        e.exitCode = ContainerStarter.exitCodeFor(failure);
        String msg = "OCI runtime exec failed: " + (failure.startsWith("exec failed: ") ? "" : "exec failed: ")
            + failure + (failure.endsWith(": unknown") ? "" : ": unknown");
        if (detach) {
          throw new InvalidArgument(msg);
        }
        // Docker has upgraded the connection by now: the error goes to the client's stdout
        return new ContainerAttach(tty, false, true, true, false, null,
            List.of(new Frame(Frame.Stream.STDOUT, (msg + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))));
      }
      e.session = s;
      e.pid = s.pid();
      e.running = true;
      ctx.events().container(c.record(), "exec_start: " + String.join(" ", cfg.cmd()), Map.of("execID", execId));
    } finally {
      c.lock.unlock();
    }
    watch(e, c, s);
    if (detach) {
      return new ContainerAttach(tty, false, false, false, false, null, List.of());
    }
    ContainerAttach a = new ContainerAttach(tty, Boolean.TRUE.equals(cfg.attachStdin()),
        Boolean.TRUE.equals(cfg.attachStdout()), Boolean.TRUE.equals(cfg.attachStderr()), true, cfg.detachKeys(),
        List.of());
    a.endAfter(e.exited);
    a.connect(s);
    return a;
  }

  private void watch(Exec e, Container c, ExecSession s) {
    Thread.ofVirtual().name("exec-" + e.id.substring(0, 12)).start(() -> {
      int code;
      try {
        code = s.waitFor();
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        code = -1;
      } catch (RuntimeException re) {
        LOG.log(Level.WARNING, "waiting for exec " + e.id, re);
        code = 126;
      }
      e.exitCode = code;
      e.running = false;
      e.exited.complete(code);
      ctx.events().container(c.record(), "exec_die",
          Map.of("execID", e.id, "exitCode", Integer.toString(code)));
    });
  }

  Spec.Process process(ContainerRecord r, ExecConfig cfg, boolean tty, ExecStartConfig start) {
    String user = cfg.user() == null || cfg.user().isEmpty() ? r.config().user() : cfg.user();
    UserResolver.ResolvedUser u = UserResolver.resolve(ctx.rootfs(r.id()), user, r.hostConfig().groupAdd());
    List<String> env = new ArrayList<>(SpecBuilder.env(r.config(), u));
    if (cfg.env() != null) {
      for (String x : cfg.env()) {
        String key = x.contains("=") ? x.substring(0, x.indexOf('=')) : x;
        env.removeIf(y -> y.startsWith(key + "="));
        if (x.contains("=")) {
          env.add(x);
        }
      }
    }
    String cwd = cfg.workingDir() != null && !cfg.workingDir().isEmpty() ? cfg.workingDir()
        : r.config().workingDir() == null || r.config().workingDir().isEmpty() ? "/" : r.config().workingDir();
    boolean privileged = Boolean.TRUE.equals(cfg.privileged()) || Boolean.TRUE.equals(r.hostConfig().privileged());
    List<String> caps = Capabilities.resolve(Capabilities.DOCKER_DEFAULT, r.hostConfig().capAdd(),
        r.hostConfig().capDrop(), privileged);
    Spec.ConsoleSize size = consoleSize(tty, cfg.consoleSize(), start == null ? null : start.consoleSize());
    boolean nnp = r.hostConfig().securityOpt() != null && r.hostConfig().securityOpt().stream()
        .anyMatch(o -> o.replace(':', '=').equals("no-new-privileges") || o.replace(':', '=').equals("no-new-privileges=true"));
    return new Spec.Process(tty, size, new Spec.User(u.uid(), u.gid(), null,
        u.additionalGids().isEmpty() ? null : u.additionalGids()), cfg.cmd(), env, cwd,
        new Spec.Capabilities(caps, caps, List.of(), caps, null), null, nnp ? Boolean.TRUE : null, null, null, null);
  }

  private static Spec.ConsoleSize consoleSize(boolean tty, List<Integer> a, List<Integer> b) {
    List<Integer> s = b != null && b.size() == 2 ? b : a;
    if (!tty || s == null || s.size() != 2 || s.get(0) == 0) {
      return null;
    }
    return new Spec.ConsoleSize(s.get(0), s.get(1));
  }

  @Override
  public void resize(String execId, int height, int width) {
    Exec e = get(execId);
    ExecSession s = e.session;
    if (s == null || !e.running) {
      throw new Conflict("Exec " + execId + " is not running");
    }
    s.resize(height, width);
  }

  @Override
  public ExecInspect inspect(String execId) {
    Exec e = get(execId);
    ExecConfig cfg = e.config;
    List<String> cmd = cfg.cmd();
    ProcessConfig pc = new ProcessConfig(Boolean.TRUE.equals(cfg.privileged()), cfg.user() == null ? "" : cfg.user(),
        Boolean.TRUE.equals(cfg.tty()), cmd.get(0), cmd.subList(1, cmd.size()));
    return new ExecInspect(false, e.containerId, cfg.detachKeys() == null ? "" : cfg.detachKeys(), e.exitCode, e.id,
        Boolean.TRUE.equals(cfg.attachStderr()), Boolean.TRUE.equals(cfg.attachStdin()),
        Boolean.TRUE.equals(cfg.attachStdout()), pc, e.running, e.running ? e.pid : 0);
  }

  private Exec get(String execId) {
    Exec e = execs.get(execId);
    if (e == null) {
      throw NotFound.exec(execId);
    }
    return e;
  }

  /** Forgets the execs of a removed container. */
  void forgetContainer(String containerId) {
    execs.values().removeIf(e -> e.containerId.equals(containerId));
  }
}
