package berth.cli.compose;

import berth.compose.ComposeService;
import berth.compose.Project;
import berth.compose.ProjectContainers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** start, stop, restart, kill, rm, pause, unpause: one verb over the selected services' containers. */
final class LifecycleCommands {
  private LifecycleCommands() {}

  abstract static class Verb extends ComposeSubcommand {
    @Parameters(paramLabel = "SERVICE", arity = "0..*")
    List<String> services = List.of();

    ComposeService svc;

    List<JsonNode> containers(Project p, boolean all) {
      svc = compose.service();
      return svc.containers(p, services, all);
    }

    void step(JsonNode c, String doing, String done, Runnable action) {
      String name = ProjectContainers.name(c);
      svc.progress().event("Container", name, doing, false);
      action.run();
      svc.progress().event("Container", name, done, true);
    }
  }

  @Command(name = "start", description = "Start services")
  static final class Start extends Verb {
    @Override
    int run() {
      Project p = compose.project();
      List<JsonNode> ctrs = containers(p, true);
      svc.inOrder(p, ctrs.stream().filter(c -> !ProjectContainers.state(c).equals("running")).toList(),
          c -> step(c, "Starting", "Started", () -> svc.client().containers().start(ProjectContainers.id(c), null)));
      return 0;
    }
  }

  @Command(name = "stop", description = "Stop services")
  static final class Stop extends Verb {
    @Option(names = {"-t", "--timeout"}, paramLabel = "int", description = "Specify a shutdown timeout in seconds")
    Integer timeout;

    @Override
    int run() {
      Project p = compose.projectOrName();
      svc = compose.service();
      List<JsonNode> ctrs = containers(p, false);
      svc.inReverseOrder(p, ctrs, c -> step(c, "Stopping", "Stopped",
          () -> svc.client().containers().stop(ProjectContainers.id(c), timeout, null)));
      return 0;
    }
  }

  @Command(name = "restart", description = "Restart service containers")
  static final class Restart extends Verb {
    @Option(names = {"-t", "--timeout"}, paramLabel = "int", description = "Specify a shutdown timeout in seconds")
    Integer timeout;

    @Override
    int run() {
      Project p = compose.project();
      List<JsonNode> ctrs = containers(p, true);
      svc.inOrder(p, ctrs, c -> step(c, "Restarting", "Started",
          () -> svc.client().containers().restart(ProjectContainers.id(c), timeout, null)));
      return 0;
    }
  }

  @Command(name = "kill", description = "Force stop service containers")
  static final class Kill extends Verb {
    @Option(names = {"-s", "--signal"}, paramLabel = "string", defaultValue = "SIGKILL", description = "SIGNAL to send to the container")
    String signal;

    @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file")
    boolean removeOrphans;

    @Override
    int run() {
      Project p = compose.projectOrName();
      List<JsonNode> ctrs = containers(p, false);
      svc.inReverseOrder(p, ctrs, c -> step(c, "Killing", "Killed",
          () -> svc.client().containers().kill(ProjectContainers.id(c), signal)));
      return 0;
    }
  }

  @Command(name = "rm", description = "Removes stopped service containers")
  static final class Rm extends Verb {
    @Option(names = {"-f", "--force"}, description = "Don't ask to confirm removal")
    boolean force;

    @Option(names = {"-s", "--stop"}, description = "Stop the containers, if required, before removing")
    boolean stop;

    @Option(names = {"-v", "--volumes"}, description = "Remove any anonymous volumes attached to containers")
    boolean volumes;

    @Override
    int run() {
      Project p = compose.projectOrName();
      List<JsonNode> ctrs = containers(p, true);
      if (stop) {
        svc.inReverseOrder(p, ctrs.stream().filter(c -> ProjectContainers.state(c).equals("running")).toList(),
            c -> step(c, "Stopping", "Stopped", () -> svc.client().containers().stop(ProjectContainers.id(c), null, null)));
        ctrs = containers(p, true);
      }
      List<JsonNode> stopped = ctrs.stream().filter(c -> !ProjectContainers.state(c).equals("running")
          && !ProjectContainers.state(c).equals("paused")).toList();
      if (stopped.isEmpty()) {
        err().println("No stopped containers");
        return 0;
      }
      if (!force) {
        err().println("Going to remove " + String.join(", ", stopped.stream().map(ProjectContainers::name).toList()));
      }
      svc.inReverseOrder(p, stopped, c -> step(c, "Removing", "Removed",
          () -> svc.client().containers().remove(ProjectContainers.id(c), false, volumes, false)));
      return 0;
    }
  }

  @Command(name = "pause", description = "Pause services")
  static final class Pause extends Verb {
    @Override
    int run() {
      Project p = compose.projectOrName();
      List<JsonNode> ctrs = containers(p, false);
      svc.inReverseOrder(p, ctrs, c -> step(c, "Pausing", "Paused", () -> svc.client().containers().pause(ProjectContainers.id(c))));
      return 0;
    }
  }

  @Command(name = "unpause", description = "Unpause services")
  static final class Unpause extends Verb {
    @Override
    int run() {
      Project p = compose.projectOrName();
      List<JsonNode> ctrs = containers(p, false);
      svc.inOrder(p, ctrs, c -> step(c, "Unpausing", "Unpaused", () -> svc.client().containers().unpause(ProjectContainers.id(c))));
      return 0;
    }
  }
}
