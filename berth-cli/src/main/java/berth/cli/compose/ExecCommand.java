package berth.cli.compose;

import berth.compose.ComposeException;
import berth.compose.Project;
import berth.compose.ProjectContainers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code compose exec}: finds the service's container (by --index) and hands the rest to
 * {@code berth exec}, so streams, TTYs and exit codes behave exactly as there.
 */
@Command(name = "exec", description = "Execute a command in a running container")
final class ExecCommand extends ComposeSubcommand {
  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "1..*")
  List<String> command = new ArrayList<>();

  @Option(names = {"-T", "--no-TTY"}, description = "Disable pseudo-TTY allocation")
  boolean noTty;

  @Option(names = {"-d", "--detach"}, description = "Detached mode: Run command in the background")
  boolean detach;

  @Option(names = {"-e", "--env"}, paramLabel = "stringArray", description = "Set environment variables")
  List<String> env = new ArrayList<>();

  @Option(names = {"-u", "--user"}, paramLabel = "string", description = "Run the command as this user")
  String user;

  @Option(names = {"-w", "--workdir"}, paramLabel = "string", description = "Path to workdir directory for this command")
  String workdir;

  @Option(names = "--index", paramLabel = "int", defaultValue = "1", description = "Index of the container if service has multiple replicas")
  int index;

  @Option(names = "--privileged", description = "Give extended privileges to the process")
  boolean privileged;

  /** The command's own flags end at SERVICE: everything after belongs to the container's command. */
  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.SELF)
  void stopAtFirstPositional(picocli.CommandLine.Model.CommandSpec spec) {
    spec.parser().stopAtPositional(true);
  }

  @Override
  int run() {
    Project p = compose.project();
    JsonNode ctr = compose.service().containers(p, List.of(service), false).stream()
        .filter(c -> ProjectContainers.number(c) == index).findFirst()
        .orElseThrow(() -> new ComposeException("service \"" + service + "\" is not running"));
    List<String> args = new ArrayList<>(List.of("-H", compose.root().client().host().uri(), "exec"));
    if (detach) {
      args.add("-d");
    } else {
      args.add("-i");
      if (!noTty && berth.cli.run.Terminal.isTerminal()) {
        args.add("-t");
      }
    }
    env.forEach(e -> args.addAll(List.of("-e", e)));
    if (user != null) {
      args.addAll(List.of("-u", user));
    }
    if (workdir != null) {
      args.addAll(List.of("-w", workdir));
    }
    if (privileged) {
      args.add("--privileged");
    }
    args.add(ProjectContainers.id(ctr));
    args.addAll(command);
    return berth.cli.Main.run(args.toArray(String[]::new), compose.root().in(), out(), err(), compose.root().env());
  }
}
