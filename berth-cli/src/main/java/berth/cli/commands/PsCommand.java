package berth.cli.commands;

import berth.cli.format.ContainerRows;
import berth.cli.format.OutputFormat;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth ps} / {@code berth container ls}. */
@Command(name = "ps", description = "List containers")
public final class PsCommand extends BaseCommand {
  @Option(names = {"-a", "--all"}, description = "Show all containers (default shows just running)")
  boolean all;

  @Option(names = {"-f", "--filter"}, paramLabel = "filter", description = "Filter output based on conditions provided")
  List<String> filter = new ArrayList<>();

  @Option(names = "--format", paramLabel = "string", description = "Format output using a custom template")
  String format;

  @Option(names = {"-n", "--last"}, paramLabel = "int", defaultValue = "-1", description = "Show n last created containers (includes all states)")
  int last;

  @Option(names = {"-l", "--latest"}, description = "Show the latest created container (includes all states)")
  boolean latest;

  @Option(names = "--no-trunc", description = "Don't truncate output")
  boolean noTrunc;

  @Option(names = {"-q", "--quiet"}, description = "Only display container IDs")
  boolean quiet;

  @Option(names = {"-s", "--size"}, description = "Display total file sizes")
  boolean size;

  @Override
  public Integer call() {
    int limit = latest ? 1 : last;
    boolean showAll = all || limit > 0;
    String tmpl = quiet ? "{{.ID}}" : format;
    boolean wantSize = size || (tmpl != null && tmpl.contains(".Size"));
    JsonNode list = client().containers().list(showAll, limit, wantSize, filters(filter));
    long now = System.currentTimeMillis();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode c : list) {
      rows.add(ContainerRows.row(c, !noTrunc, now));
    }
    String table = ContainerRows.DEFAULT_TABLE + (size ? "\t{{.Size}}" : "");
    out().print(OutputFormat.of(tmpl, table).render(ContainerRows.header(), rows));
    return 0;
  }
}
