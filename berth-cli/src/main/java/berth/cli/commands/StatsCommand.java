package berth.cli.commands;

import berth.cli.format.OutputFormat;
import berth.cli.format.StatsRows;
import berth.client.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth stats}: a live table redrawn each second, or one sample with {@code --no-stream}. */
@Command(name = "stats", description = "Display a live stream of container(s) resource usage statistics")
public final class StatsCommand extends BaseCommand {
  @Parameters(arity = "0..*", paramLabel = "CONTAINER")
  List<String> refs = new ArrayList<>();

  @Option(names = {"-a", "--all"}, description = "Show all containers (default shows just running)")
  boolean all;

  @Option(names = "--format", paramLabel = "string", description = "Format output using a custom template")
  String format;

  @Option(names = "--no-stream", description = "Disable streaming stats and only pull the first result")
  boolean noStream;

  @Option(names = "--no-trunc", description = "Do not truncate output")
  boolean noTrunc;

  @Override
  public Integer call() throws InterruptedException {
    List<String> targets = new ArrayList<>(refs);
    if (targets.isEmpty()) {
      for (JsonNode c : client().containers().list(all, 0, false, Map.of())) {
        targets.add(c.path("Id").asText());
      }
    }
    OutputFormat fmt = OutputFormat.of(format, StatsRows.DEFAULT_TABLE);
    Map<String, JsonNode> latest = new ConcurrentHashMap<>();
    if (noStream) {
      int status = eachRef(targets, ref -> {
        try (Response r = client().containers().stats(ref, false)) {
          latest.put(ref, r.json());
        }
      });
      out().print(render(fmt, targets, latest));
      return status;
    }
    for (String ref : targets) {
      Thread.ofVirtual().start(() -> follow(ref, latest));
    }
    while (true) {
      Thread.sleep(1000);
      out().print("\033[2J\033[H");
      out().print(render(fmt, targets, latest));
      out().flush();
    }
  }

  private void follow(String ref, Map<String, JsonNode> latest) {
    try (Response r = client().containers().stats(ref, true)) {
      Iterator<JsonNode> it = r.jsonStream();
      while (it.hasNext()) {
        latest.put(ref, it.next());
      }
    } catch (RuntimeException e) {
      latest.remove(ref); // gone: drop its row, as docker does for stopped containers
    }
  }

  private String render(OutputFormat fmt, List<String> order, Map<String, JsonNode> latest) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String ref : order) {
      JsonNode s = latest.get(ref);
      if (s != null) {
        rows.add(StatsRows.row(ref, s, !noTrunc));
      }
    }
    return fmt.render(StatsRows.header(), rows);
  }
}
