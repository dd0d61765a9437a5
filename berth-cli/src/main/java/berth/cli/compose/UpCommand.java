package berth.cli.compose;

import berth.client.Query;
import berth.compose.ComposeException;
import berth.compose.ComposeService;
import berth.compose.Project;
import berth.compose.ProjectContainers;
import berth.compose.UpOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code compose up}: converge, then (without -d) follow every container's output until they all
 * exit; Ctrl-C stops the project gracefully, as compose does.
 */
@Command(name = "up", description = "Create and start containers")
final class UpCommand extends ComposeSubcommand {
  @Parameters(paramLabel = "SERVICE", arity = "0..*")
  List<String> services = List.of();

  @Option(names = {"-d", "--detach"}, description = "Detached mode: Run containers in the background")
  boolean detach;

  @Option(names = "--force-recreate", description = "Recreate containers even if their configuration and image haven't changed")
  boolean forceRecreate;

  @Option(names = "--no-recreate", description = "If containers already exist, don't recreate them")
  boolean noRecreate;

  @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file")
  boolean removeOrphans;

  @Option(names = "--scale", paramLabel = "scale", description = "Scale SERVICE to NUM instances")
  List<String> scale = List.of();

  @Option(names = "--wait", description = "Wait for services to be running|healthy. Implies detached mode.")
  boolean waitHealthy;

  @Option(names = "--abort-on-container-exit", description = "Stops all containers if any container was stopped")
  boolean abortOnExit;

  @Option(names = "--exit-code-from", paramLabel = "string", description = "Return the exit code of the selected service container")
  String exitCodeFrom;

  @Option(names = "--no-deps", description = "Don't start linked services")
  boolean noDeps;

  @Option(names = "--no-start", description = "Don't start the services after creating them")
  boolean noStart;

  @Option(names = {"-t", "--timeout"}, paramLabel = "int", description = "Use this timeout in seconds for container shutdown")
  Integer timeout;

  @Option(names = "--build", description = "Build images before starting containers")
  boolean build;

  @Option(names = "--no-build", description = "Don't build an image, even if it's policy")
  boolean noBuild;

  @Option(names = "--no-color", description = "Produce monochrome output")
  boolean noColor;

  @Option(names = "--no-log-prefix", description = "Don't print prefix in logs")
  boolean noLogPrefix;

  @Override
  int run() {
    if (forceRecreate && noRecreate) {
      throw new ComposeException("--force-recreate and --no-recreate are incompatible");
    }
    if (detach && abortOnExit) {
      throw new ComposeException("--abort-on-container-exit and --detach are incompatible");
    }
    Map<String, Integer> scales = new LinkedHashMap<>();
    for (String s : scale) {
      int eq = s.indexOf('=');
      try {
        scales.put(s.substring(0, eq), Integer.parseInt(s.substring(eq + 1)));
      } catch (RuntimeException e) {
        throw new ComposeException("invalid --scale value \"" + s + "\": expected SERVICE=NUM");
      }
    }
    Project p = compose.project();
    scales.keySet().forEach(p::service);
    ComposeService svc = compose.service();
    long since = System.currentTimeMillis() / 1000;
    svc.up(p, new UpOptions(services, forceRecreate, noRecreate, removeOrphans, scales, noDeps, noStart, waitHealthy, timeout));
    if (detach || waitHealthy || noStart) {
      return 0;
    }
    return attach(p, svc, since);
  }

  private int attach(Project p, ComposeService svc, long since) {
    List<JsonNode> ctrs = svc.containers(p, ComposeService.selection(p, services, noDeps).stream().map(s -> s.name()).toList(), false);
    boolean tty = compose.tty() && !noColor;
    LogPrinter printer = new LogPrinter(svc.client(), out(), tty, p.name(), !noLogPrefix);
    AtomicBoolean stopping = new AtomicBoolean();
    AtomicInteger exitCode = new AtomicInteger(0);
    Thread hook = new Thread(() -> {
      if (stopping.compareAndSet(false, true)) {
        err().println("Gracefully stopping... (press Ctrl+C again to force)");
        svc.inReverseOrder(p, svc.containers(p, List.of(), false), c -> stopQuietly(svc, c));
      }
    });
    Runtime.getRuntime().addShutdownHook(hook);
    Query q = Query.of().add("stdout", 1).add("stderr", 1).add("follow", 1).add("since", since);
    printer.print(ctrs, q, ctr -> {
      int code = svc.client().containers().inspect(ProjectContainers.id(ctr), false).path("State").path("ExitCode").asInt();
      printer.line(printer.label(ctr) + " exited with code " + code);
      String service = ProjectContainers.service(ctr);
      if (exitCodeFrom == null ? abortOnExit && exitCode.get() == 0 : exitCodeFrom.equals(service)) {
        exitCode.set(code);
      }
      if ((abortOnExit || exitCodeFrom != null) && stopping.compareAndSet(false, true)) {
        printer.line("Aborting on container exit...");
        svc.inReverseOrder(p, svc.containers(p, List.of(), false), c -> stopQuietly(svc, c));
      }
    });
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: the hook is running
    }
    return exitCode.get();
  }

  private static void stopQuietly(ComposeService svc, JsonNode ctr) {
    if (ProjectContainers.state(ctr).equals("running")) {
      String name = ProjectContainers.name(ctr);
      svc.progress().event("Container", name, "Stopping", false);
      svc.client().containers().stop(ProjectContainers.id(ctr), null, null);
      svc.progress().event("Container", name, "Stopped", true);
    }
  }
}
