package berth.cli.compose;

import berth.client.Query;
import berth.compose.Project;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compose logs}: every container's output, line by line behind a coloured service prefix. */
@Command(name = "logs", description = "View output from containers")
final class LogsCommand extends ComposeSubcommand {
  @Parameters(paramLabel = "SERVICE", arity = "0..*")
  List<String> services = List.of();

  @Option(names = {"-f", "--follow"}, description = "Follow log output")
  boolean follow;

  @Option(names = {"-n", "--tail"}, paramLabel = "string", defaultValue = "all", description = "Number of lines to show from the end of the logs for each container")
  String tail;

  @Option(names = {"-t", "--timestamps"}, description = "Show timestamps")
  boolean timestamps;

  @Option(names = "--no-color", description = "Produce monochrome output")
  boolean noColor;

  @Option(names = "--no-log-prefix", description = "Don't print prefix in logs")
  boolean noLogPrefix;

  @Option(names = "--since", paramLabel = "string", description = "Show logs since timestamp or relative")
  String since;

  @Option(names = "--index", paramLabel = "int", description = "index of the container if service has multiple replicas")
  Integer index;

  @Override
  int run() {
    Project p = compose.projectOrName();
    List<JsonNode> ctrs = compose.service().containers(p, services, true);
    if (index != null) {
      ctrs = ctrs.stream().filter(c -> berth.compose.ProjectContainers.number(c) == index).toList();
    }
    Query q = Query.of().add("stdout", 1).add("stderr", 1).flag("follow", follow).flag("timestamps", timestamps)
        .add("tail", tail).add("since", berth.cli.compose.Times.toApi(since));
    new LogPrinter(compose.root().client(), out(), compose.tty() && !noColor, p.name(), !noLogPrefix).print(ctrs, q, null);
    return 0;
  }
}
