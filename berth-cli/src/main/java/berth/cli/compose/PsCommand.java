package berth.cli.compose;

import berth.cli.format.ContainerRows;
import berth.cli.format.OutputFormat;
import berth.compose.Labels;
import berth.compose.Project;
import berth.compose.ProjectContainers;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compose ps}: the project's containers in compose's columns. */
@Command(name = "ps", description = "List containers")
final class PsCommand extends ComposeSubcommand {
  static final String TABLE = "{{.Name}}\t{{.Image}}\t{{.Command}}\t{{.Service}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}";

  @Parameters(paramLabel = "SERVICE", arity = "0..*")
  List<String> services = List.of();

  @Option(names = {"-a", "--all"}, description = "Show all stopped containers (including those created by the run command)")
  boolean all;

  @Option(names = {"-q", "--quiet"}, description = "Only display IDs")
  boolean quiet;

  @Option(names = "--services", description = "Display services")
  boolean listServices;

  @Option(names = "--format", paramLabel = "string", description = "Format output using a custom template")
  String format;

  @Option(names = "--no-trunc", description = "Don't truncate output")
  boolean noTrunc;

  @Override
  int run() {
    Project p = compose.projectOrName();
    List<JsonNode> ctrs = compose.service().containers(p, services, all);
    if (listServices) {
      Set<String> names = new LinkedHashSet<>();
      if (ctrs.isEmpty() && !all) {
        names.addAll(p.services().keySet());
      }
      ctrs.forEach(c -> names.add(ProjectContainers.service(c)));
      names.forEach(out()::println);
      return 0;
    }
    if (quiet) {
      ctrs.forEach(c -> out().println(ProjectContainers.id(c)));
      return 0;
    }
    Map<String, Object> header = ContainerRows.header();
    header.put("Name", "NAME");
    header.put("Service", "SERVICE");
    header.put("Project", "PROJECT");
    header.put("Health", "HEALTH");
    header.put("ExitCode", "EXIT CODE");
    long now = System.currentTimeMillis();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode c : ctrs) {
      Map<String, Object> r = ContainerRows.row(c, !noTrunc, now);
      r.put("ID", noTrunc ? ProjectContainers.id(c) : ProjectContainers.id(c).substring(0, Math.min(12, ProjectContainers.id(c).length())));
      r.put("Name", ProjectContainers.name(c));
      r.put("Service", ProjectContainers.service(c));
      r.put("Project", c.path("Labels").path(Labels.PROJECT).asText());
      String status = c.path("Status").asText();
      r.put("Health", status.contains("(healthy)") ? "healthy" : status.contains("(unhealthy)") ? "unhealthy"
          : status.contains("(health: starting)") ? "starting" : "");
      r.put("ExitCode", exitCode(status));
      r.put("Command", berth.cli.format.Text.quote(c.path("Command").asText()));
      rows.add(r);
    }
    out().print(OutputFormat.of(format, TABLE).render(header, rows));
    return 0;
  }

  private static String exitCode(String status) {
    int open = status.indexOf("Exited (");
    if (open < 0) {
      return "0";
    }
    int close = status.indexOf(')', open);
    return status.substring(open + 8, close);
  }
}
