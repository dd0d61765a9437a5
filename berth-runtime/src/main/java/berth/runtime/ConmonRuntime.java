package berth.runtime;

import berth.core.errors.Conflict;
import berth.core.errors.Internal;
import berth.core.errors.InvalidArgument;
import berth.runtime.internal.CgroupReader;
import berth.runtime.internal.ConmonExecLauncher;
import berth.runtime.internal.ConmonExecSession;
import berth.runtime.internal.ConmonProcess;
import berth.runtime.internal.ExitFiles;
import berth.runtime.internal.ExitWatcher;
import berth.runtime.internal.Fifo;
import berth.runtime.internal.Runc;
import berth.runtime.internal.SocketAttachSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Runs containers with runc under conmon, so they outlive berthd.
 *
 * <pre>{@code
 * var rt = new ConmonRuntime(ConmonRuntime.Config.defaults(Path.of("/run/berth")));
 * rt.onExit(ev -> engine.exited(ev));
 * rt.create(new CreateRequest(id, bundle, logPath, false, false, false, null));
 * AttachSession io = rt.attach(id, true);  // optional; before start, so no output is missed
 * rt.start(id);           // ... later the exit listener fires once
 * rt.delete(id, false);   // runc state and conmon's files are gone
 * }</pre>
 *
 * <p>After a daemon restart, a new instance on the same exec root adopts what the old one started:
 * {@link #state} answers from runc, {@link #attach}/{@link #resize} reach the same conmon, exits
 * that happen from now on are reported, and {@link #exitCode} reads the exit of a container that
 * died while no daemon was watching. {@code CreateRequest.cgroupParent} is not used: config.json's
 * cgroupsPath places the container; conmon stays in the daemon's cgroup, so a service manager
 * that kills the whole daemon cgroup on stop (systemd KillMode=control-group) would take conmon
 * with it — run berthd with KillMode=process.
 *
 * <p>Files under the exec root: {@code runc/} (runc --root), {@code conmon/<id>/} (conmon's persist
 * dir: "exit", "oom", pid files, a "bundle" link to the bundle where conmon puts its attach socket
 * and ctl FIFO, and {@code exec/<execId>/} per exec), {@code exits/<id>} (conmon's exit dir, watched).
 */
public final class ConmonRuntime implements ContainerRuntime, AutoCloseable {
  /** Where the binaries are and where runtime state lives; logLevel is conmon's (null: conmon's default). */
  public record Config(Path runc, Path conmon, Path execRoot, String logLevel) {
    public static Config defaults(Path execRoot) {
      return new Config(Path.of("/usr/sbin/runc"), Path.of("/usr/bin/conmon"), execRoot, null);
    }
  }

  private final Config config;
  private final Runc runc;
  private final Path exitDir;
  private final ExitWatcher watcher;
  private final List<Consumer<ExitEvent>> listeners = new CopyOnWriteArrayList<>();

  public ConmonRuntime(Config config) {
    this.config = config;
    this.runc = new Runc(config.runc(), config.execRoot().resolve("runc"));
    this.exitDir = config.execRoot().resolve("exits");
    try {
      Files.createDirectories(runc.root());
      Files.createDirectories(config.execRoot().resolve("conmon"));
      this.watcher = new ExitWatcher(exitDir, this::dispatchExit);
    } catch (IOException e) {
      throw new Internal("prepare runtime state in " + config.execRoot() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String name() {
    return "runc";
  }

  Path conmonDir(String id) {
    checkId(id);
    return config.execRoot().resolve("conmon").resolve(id);
  }

  private static void checkId(String id) {
    if (id == null || id.isEmpty() || id.contains("/") || id.startsWith(".")) {
      throw new InvalidArgument("invalid container id: " + id);
    }
  }

  @Override
  public Created create(CreateRequest req) {
    Path dir = conmonDir(req.id());
    if (req.logPath().toString().contains(":")) {
      // conmon splits "-l driver:path" at every colon
      throw new InvalidArgument("log path must not contain ':': " + req.logPath());
    }
    try {
      deleteTree(dir);
      Files.createDirectories(dir);
      Files.deleteIfExists(exitDir.resolve(req.id()));
      watcher.forget(req.id());
      Files.createSymbolicLink(dir.resolve("bundle"), req.bundle().toAbsolutePath());
      Files.createDirectories(req.logPath().toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new Internal("prepare conmon dir for " + req.id() + ": " + e.getMessage(), e);
    }
    List<String> args = commonArgs(req.id(), req.id(), req.bundle(), dir.resolve("pidfile"));
    args.addAll(List.of("-l", "k8s-file:" + req.logPath().toAbsolutePath(), "--exit-dir", exitDir.toString(),
        "--persist-dir", dir.toString()));
    if (req.terminal()) {
      args.add("-t");
    }
    if (req.openStdin()) {
      args.add("-i");
      if (!req.stdinOnce()) {
        args.add("--leave-stdin-open"); // else the first attacher to leave closes stdin, as StdinOnce asks
      }
    }
    ConmonProcess conmon = null;
    try {
      conmon = ConmonProcess.start(config.conmon(), args, dir, false, false);
      ConmonProcess.SyncMessage m = conmon.next();
      if (m == null || m.data() <= 0) {
        String why = m != null && m.message() != null ? Runc.cleanMessage(m.message()) : conmon.stderr();
        conmon.waitFor();
        deleteTree(dir); // runc left nothing behind; neither do we
        throw new Internal("create container " + req.id() + ": " + (why.isEmpty() ? "conmon exited" : why));
      }
      Files.writeString(dir.resolve("conmon.pid"), Long.toString(conmon.pid()));
      return new Created(m.data(), (int) conmon.pid());
    } catch (IOException e) {
      throw new Internal("create container " + req.id() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Internal("create container " + req.id() + ": interrupted", e);
    } finally {
      if (conmon != null) {
        conmon.detach();
      }
    }
  }

  /** The conmon arguments every run shares: API, ids, runc and its root, bundle, pidfile. */
  List<String> commonArgs(String id, String uuid, Path bundle, Path pidFile) {
    List<String> args = new ArrayList<>(List.of(
        "--api-version", "1", "--sync", "-c", id, "-u", uuid, "-n", id,
        "-r", config.runc().toString(), "--runtime-arg", "--root=" + runc.root(),
        "-b", bundle.toAbsolutePath().toString(), "-p", pidFile.toString(), "--full-attach"));
    if (config.logLevel() != null) {
      args.add("--log-level=" + config.logLevel());
    }
    return args;
  }

  /**
   * Docker's exit code for a process the OCI runtime could not start, from runc's message: 127 when
   * the binary (or a path to it) is missing, 126 otherwise (not executable, permission denied).
   */
  public static int startFailureExitCode(String message) {
    return ConmonExecSession.startFailureCode(message);
  }

  @Override
  public void start(String id) {
    runc.check(id, "start", id);
  }

  @Override
  public void kill(String id, int signal, boolean all) {
    if (all) {
      runc.check(id, "kill", "--all", id, Integer.toString(signal));
    } else {
      runc.check(id, "kill", id, Integer.toString(signal));
    }
  }

  @Override
  public void pause(String id) {
    runc.check(id, "pause", id);
  }

  @Override
  public void resume(String id) {
    runc.check(id, "resume", id);
  }

  @Override
  public void delete(String id, boolean force) {
    Path dir = conmonDir(id);
    // runc keeps a container's state in <root>/<id>; without it there is nothing for runc to delete
    // (the exit handler usually deleted it already), and a spawn of runc is saved
    Runc.Result r = !Files.isDirectory(runc.root().resolve(id)) ? new Runc.Result(0, "", "")
        : force ? runc.run("delete", "--force", id) : runc.run("delete", id);
    if (r.exitCode() != 0) {
      Optional<RuntimeState> st = state(id);
      if (st.isPresent() && !force && !st.get().status().equals("stopped")) {
        throw new Conflict("You cannot remove a " + st.get().status() + " container " + id
            + ". Stop the container before attempting removal or force remove");
      }
      if (st.isPresent()) {
        throw new Internal("runc delete " + id + ": " + Runc.cleanMessage(r.stderr()));
      }
    }
    // conmon writes the exit files once the container is gone; let it finish before removing its dir.
    conmonPid(id).flatMap(ProcessHandle::of).ifPresent(ConmonRuntime::awaitOrKill);
    try {
      deleteTree(dir);
      Files.deleteIfExists(exitDir.resolve(id));
      watcher.forget(id);
    } catch (IOException e) {
      throw new Internal("remove conmon dir of " + id + ": " + e.getMessage(), e);
    }
  }

  /** conmon's pid as recorded at create, while that process is still a conmon. */
  public Optional<Long> conmonPid(String id) {
    try {
      long pid = Long.parseLong(Files.readString(conmonDir(id).resolve("conmon.pid")).strip());
      String comm = Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
      return comm.equals("conmon") ? Optional.of(pid) : Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void awaitOrKill(ProcessHandle conmon) {
    try {
      conmon.onExit().get(5, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      conmon.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      conmon.destroyForcibly();
    }
  }

  @Override
  public Optional<RuntimeState> state(String id) {
    checkId(id);
    return runc.state(id).map(n -> new RuntimeState(n.path("status").asText(), n.path("pid").asInt()));
  }

  @Override
  public OptionalInt exitCode(String id) {
    OptionalInt code = ExitFiles.readCode(exitDir.resolve(id));
    return code.isPresent() ? code : ExitFiles.readCode(conmonDir(id).resolve("exit"));
  }

  @Override
  public void onExit(Consumer<ExitEvent> listener) {
    listeners.add(listener);
  }

  private void dispatchExit(String id) {
    OptionalInt code = exitCode(id);
    if (code.isEmpty()) {
      return;
    }
    long finished;
    try {
      FileTime t = Files.getLastModifiedTime(exitDir.resolve(id));
      finished = t.to(TimeUnit.SECONDS) * 1_000_000_000L + t.toInstant().getNano();
    } catch (IOException e) {
      finished = System.currentTimeMillis() * 1_000_000L;
    }
    ExitEvent ev = new ExitEvent(id, code.getAsInt(), finished, oomKilled(id));
    for (Consumer<ExitEvent> l : listeners) {
      l.accept(ev);
    }
  }

  /** Whether conmon saw the kernel OOM-kill in the container's cgroup (it leaves an "oom" file). */
  public boolean oomKilled(String id) {
    return Files.exists(conmonDir(id).resolve("oom"));
  }

  @Override
  public AttachSession attach(String id, boolean stdin) {
    Path socket = conmonDir(id).resolve("bundle").resolve("attach");
    try {
      return SocketAttachSession.connect(socket, stdin);
    } catch (IOException e) {
      if (!Files.exists(socket)) {
        // conmon removes the socket when the container exits
        throw new Conflict("You cannot attach to a stopped container, start it first");
      }
      throw new Internal("attach " + id + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void resize(String id, int height, int width) {
    try {
      Fifo.write(conmonDir(id).resolve("bundle").resolve("ctl"), "1 " + height + " " + width + "\n");
    } catch (IOException e) {
      // no conmon reading the FIFO: the container has exited
      throw new Conflict("Container " + id + " is not running");
    }
  }

  @Override
  public ExecSession exec(String id, ExecRequest request) {
    return new ConmonExecLauncher(config.conmon(), conmonDir(id), this::commonArgs).launch(id, request);
  }

  @Override
  public List<Integer> pids(String id) {
    return initPid(id).map(CgroupReader::forPid).map(CgroupReader::pids).orElse(List.of());
  }

  @Override
  public CgroupStats stats(String id) {
    return initPid(id).map(CgroupReader::forPid).map(CgroupReader::stats)
        .orElseThrow(() -> new Internal("stats " + id + ": container is not running"));
  }

  /** Whether the kernel OOM-killed in the container's cgroup, read from the cgroup itself. */
  public boolean cgroupOomKilled(String id) {
    return initPid(id).map(CgroupReader::forPid).map(CgroupReader::oomKilled).orElse(false);
  }

  private Optional<Integer> initPid(String id) {
    return state(id).filter(s -> s.pid() > 0 && !s.status().equals("stopped")).map(RuntimeState::pid);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public void close() {
    try {
      watcher.close();
    } catch (IOException ignored) {
      // the watcher thread is a daemon; nothing else to release
    }
  }
}
