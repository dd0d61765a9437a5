package berth.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one real berthd per test class (see {@link BerthTest}), imports busybox:latest into it,
 * and after the class removes every container, stops the daemon and fails the class if runc
 * state, processes, mounts or cgroups were left behind.
 */
public final class BerthDaemonExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BerthDaemonExtension.class);

  /** {@code -Dberth.it.engine=/path/to.sock}: run the suite against an engine that is already up. */
  static final String EXTERNAL_ENGINE = "berth.it.engine";

  @Override
  public void beforeAll(ExtensionContext ctx) {
    requireRoot();
    String external = System.getProperty(EXTERNAL_ENGINE, "");
    BerthDaemon d = external.isBlank() ? BerthDaemon.create() : BerthDaemon.external(Path.of(external));
    ctx.getStore(NS).put(BerthDaemon.class, d);
    d.start();
    d.importBusybox();
  }

  @Override
  public void afterAll(ExtensionContext ctx) {
    BerthDaemon d = ctx.getStore(NS).remove(BerthDaemon.class, BerthDaemon.class);
    if (d == null) {
      return;
    }
    if (d.isExternal()) {
      removeAllContainers(d, new HashSet<>(), new ArrayList<>());
      d.events().stopFollowing();
      LeakDetector.deleteTree(d.base());
      return;
    }
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>(d.events().containerIds());
    List<String> userBridges = new ArrayList<>();
    if (d.isRunning()) {
      removeAllContainers(d, ids, problems);
      removeUserNetworks(d, userBridges, problems);
      List<String> runc = LeakDetector.runcContainers(d.execRoot());
      if (!runc.isEmpty()) {
        problems.add("runc still lists containers after all were removed: " + runc);
      }
      if (!d.stop()) {
        problems.add("berthd did not exit within 30 s of SIGTERM (killed)");
      }
    }
    ids.addAll(dirNames(d.execRoot().resolve("runc")));
    ids.addAll(dirNames(d.dataRoot().resolve("containers")));
    var procs = LeakDetector.processesUnder(d.base());
    procs.forEach(p -> problems.add("process left running: pid " + p.pid() + " " + LeakDetector.cmdline(p.pid())));
    var mounts = LeakDetector.mountsUnder(d.base());
    mounts.forEach(m -> problems.add("mount left behind: " + m));
    var cgroups = LeakDetector.cgroupsOf(ids);
    cgroups.forEach(c -> problems.add("cgroup left behind: " + c));
    if (d.net() != null) {
      problems.addAll(d.net().leaks(d.execRoot().resolve("netns"), userBridges));
      d.net().release();
    }
    LeakDetector.cleanUp(d.base(), procs, mounts, cgroups);
    keepLog(d, ctx);
    LeakDetector.deleteTree(d.base());
    if (!problems.isEmpty()) {
      throw new AssertionError("berthd of " + ctx.getDisplayName() + " leaked:\n  " + String.join("\n  ", problems)
          + "\n--- berthd log tail ---\n" + d.logTail(40));
    }
  }

  /** Removes the networks tests made, remembering their bridges for the leak check. */
  private static void removeUserNetworks(BerthDaemon d, List<String> bridges, List<String> problems) {
    HttpReply list = d.api().get("/networks");
    if (list.status() != 200) {
      problems.add("GET /networks -> " + list);
      return;
    }
    for (var n : list.json()) {
      String name = n.path("Name").asText();
      if (List.of("bridge", "host", "none").contains(name)) {
        continue;
      }
      if (n.path("Driver").asText().equals("bridge")) {
        String br = n.path("Options").path("com.docker.network.bridge.name").asText("");
        bridges.add(br.isEmpty() ? "br-" + n.path("Id").asText().substring(0, 12) : br);
      }
      HttpReply rm = d.api().delete("/networks/" + n.path("Id").asText());
      if (rm.status() != 204) {
        problems.add("DELETE /networks/" + name + " -> " + rm);
      }
    }
  }

  private static void removeAllContainers(BerthDaemon d, Set<String> ids, List<String> problems) {
    HttpReply list = d.api().get("/containers/json?all=1");
    if (list.status() != 200) {
      problems.add("GET /containers/json?all=1 -> " + list);
      return;
    }
    for (var c : list.json()) {
      String id = c.path("Id").asText();
      ids.add(id);
      HttpReply rm = d.api().delete("/containers/" + id + "?force=1&v=1");
      if (rm.status() != 204 && rm.status() != 404) {
        problems.add("DELETE /containers/" + id + "?force=1 -> " + rm);
      }
    }
  }

  private static Set<String> dirNames(Path dir) {
    Set<String> names = new HashSet<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        s.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9a-f]{64}")).forEach(names::add);
      } catch (IOException ignored) {
        // nothing to learn from an unreadable dir
      }
    }
    return names;
  }

  /** Copies the daemon's log to target/berthd-logs/<class>.log for post-mortems. */
  private static void keepLog(BerthDaemon d, ExtensionContext ctx) {
    try {
      Path dir = Path.of("target", "berthd-logs");
      Files.createDirectories(dir);
      if (Files.exists(d.logFile())) {
        Files.copy(d.logFile(), dir.resolve(ctx.getRequiredTestClass().getSimpleName() + ".log"),
            StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException ignored) {
      // the log is a convenience
    }
  }

  private static void requireRoot() {
    try {
      String status = Files.readString(Path.of("/proc/self/status"));
      String uid = status.lines().filter(l -> l.startsWith("Uid:")).findFirst().orElse("Uid: -1").split("\\s+")[1];
      if (!uid.equals("0")) {
        throw new ExtensionConfigurationException("Berth integration tests need root (they run real containers "
            + "with runc, overlayfs and cgroups); this JVM runs as uid " + uid + ". Run: sudo scripts/test.sh");
      }
    } catch (IOException e) {
      throw new ExtensionConfigurationException("cannot read /proc/self/status to check for root", e);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
    return p.getParameter().getType() == BerthDaemon.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
    BerthDaemon d = ctx.getStore(NS).get(BerthDaemon.class, BerthDaemon.class);
    if (d == null) {
      throw new ExtensionConfigurationException("no berthd for " + ctx.getDisplayName());
    }
    return d;
  }
}
