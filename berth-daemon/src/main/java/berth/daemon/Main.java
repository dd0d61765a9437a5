package berth.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** berthd: serves the Docker Engine API until SIGTERM or SIGINT. */
@Command(name = "berthd", mixinStandardHelpOptions = true, version = "berthd 0.1.0",
    description = "Berth daemon: the Docker Engine API on a Unix socket, containers on runc under conmon.")
public final class Main implements Callable<Integer> {
  @Option(names = "--data-root", description = "Root of persistent state (default: /var/lib/berth)")
  Path dataRoot;

  @Option(names = "--exec-root", description = "Root of runtime state (default: /run/berth)")
  Path execRoot;

  @Option(names = {"-H", "--host"}, description = "Socket to listen on, unix:///path (repeatable; default: "
      + DaemonConfig.DEFAULT_HOST + ")")
  List<String> hosts;

  @Option(names = "--runtime", description = "OCI runtime (default: runc)")
  String runtime;

  @Option(names = {"-D", "--debug"}, description = "Debug logging")
  Boolean debug;

  @Option(names = {"-p", "--pidfile"}, description = "Pid file (default: <exec-root>/berthd.pid)")
  Path pidfile;

  @Option(names = "--log-level", description = "debug, info, warn, error, fatal (default: info)")
  String logLevel;

  @Option(names = "--config-file", description = "daemon.json (default: /etc/berth/daemon.json)")
  Path configFile;

  public static void main(String[] args) {
    CommandLine cmd = new CommandLine(new Main());
    cmd.setExecutionExceptionHandler((e, c, r) -> {
      System.err.println("berthd: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
      return 1;
    });
    System.exit(cmd.execute(args));
  }

  @Override
  public Integer call() throws Exception {
    DaemonConfig config = merge();
    configureLogging(config);
    // One line per failure, never a stack trace on stderr: the cause chain says enough.
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> Logger.getLogger("berth.daemon")
        .warning("uncaught in " + t.getName() + ": " + berth.api.http.ErrorMapper.chain(e)));
    Daemon daemon = Daemon.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
      Logger.getLogger("berth.daemon").info("shutting down (containers keep running)");
      daemon.close();
      stopped.countDown();
    }));
    stopped.await();
    return 0;
  }

  /** Flags win over daemon.json; a setting given in both is refused, as dockerd does. */
  DaemonConfig merge() {
    boolean explicit = configFile != null;
    Path file = explicit ? configFile : Path.of("/etc/berth/daemon.json");
    Map<String, JsonNode> cfg = ConfigFile.read(file, explicit);
    List<String> both = new ArrayList<>();
    checkBoth(both, "data-root", dataRoot, cfg);
    checkBoth(both, "exec-root", execRoot, cfg);
    checkBoth(both, "hosts", hosts, cfg);
    checkBoth(both, "default-runtime", runtime, cfg);
    checkBoth(both, "pidfile", pidfile, cfg);
    checkBoth(both, "log-level", logLevel, cfg);
    if (!both.isEmpty()) {
      throw new IllegalArgumentException("the following directives are specified both as a flag and in the "
          + "configuration file: " + String.join(", ", both) + " (" + file + ")");
    }
    Path data = pick(dataRoot, pathOf(ConfigFile.string(cfg, "data-root")), DaemonConfig.DEFAULT_DATA_ROOT);
    Path exec = pick(execRoot, pathOf(ConfigFile.string(cfg, "exec-root")), DaemonConfig.DEFAULT_EXEC_ROOT);
    List<String> h = pick(hosts, ConfigFile.strings(cfg, "hosts"), List.of(DaemonConfig.DEFAULT_HOST));
    String rt = pick(runtime, ConfigFile.string(cfg, "default-runtime"), "runc");
    boolean dbg = pick(debug, ConfigFile.bool(cfg, "debug"), false);
    Path pid = pick(pidfile, pathOf(ConfigFile.string(cfg, "pidfile")), exec.resolve("berthd.pid"));
    String level = pick(logLevel, ConfigFile.string(cfg, "log-level"), dbg ? "debug" : "info");
    DaemonConfig c = new DaemonConfig(data.toAbsolutePath(), exec.toAbsolutePath(), h.isEmpty()
        ? List.of(DaemonConfig.DEFAULT_HOST) : h, rt, dbg, pid.toAbsolutePath(), level,
        NetworkKeys.read(cfg));
    c.socketPaths();
    return c;
  }

  private static void checkBoth(List<String> both, String key, Object flag, Map<String, JsonNode> cfg) {
    if (flag != null && cfg.containsKey(key)) {
      both.add(key);
    }
  }

  private static Path pathOf(String s) {
    return s == null ? null : Path.of(s);
  }

  private static <T> T pick(T flag, T file, T dflt) {
    return flag != null ? flag : file != null ? file : dflt;
  }

  private static void configureLogging(DaemonConfig config) {
    Level level = switch (config.logLevel()) {
      case "debug" -> Level.FINE;
      case "info" -> Level.INFO;
      case "warn", "warning" -> Level.WARNING;
      case "error", "fatal", "panic" -> Level.SEVERE;
      default -> throw new IllegalArgumentException("unable to parse logging level: " + config.logLevel());
    };
    Logger root = Logger.getLogger("");
    for (var h : root.getHandlers()) {
      root.removeHandler(h);
    }
    ConsoleHandler handler = new ConsoleHandler();
    handler.setFormatter(new OneLineFormatter());
    handler.setLevel(level);
    root.addHandler(handler);
    root.setLevel(Level.INFO);
    Logger.getLogger("berth").setLevel(level);
  }
}
