package berth.cli.commands;

import berth.cli.format.Durations;
import berth.cli.format.OutputFormat;
import berth.cli.format.Text;
import berth.cli.format.Units;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth history}: one row per layer, newest first. */
@Command(name = "history", description = "Show the history of an image")
public final class HistoryCommand extends BaseCommand {
  static final String DEFAULT_TABLE = "{{.ID}}\t{{.CreatedSince}}\t{{.CreatedBy}}\t{{.Size}}\t{{.Comment}}";

  @Parameters(index = "0", paramLabel = "IMAGE")
  String image;

  @Option(names = "--format", paramLabel = "string", description = "Format output using a custom template")
  String format;

  @Option(names = {"-H", "--human"}, arity = "0..1", fallbackValue = "true", defaultValue = "true", description = "Print sizes and dates in human readable format (default true)")
  boolean human;

  @Option(names = "--no-trunc", description = "Don't truncate output")
  boolean noTrunc;

  @Option(names = {"-q", "--quiet"}, description = "Only show image IDs")
  boolean quiet;

  @Override
  public Integer call() {
    long now = System.currentTimeMillis();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode h : client().images().history(image)) {
      Map<String, Object> r = new TreeMap<>();
      String id = h.path("Id").asText();
      r.put("ID", id.equals("<missing>") || noTrunc ? id : Text.shortId(id));
      long created = h.path("Created").asLong();
      r.put("CreatedSince", human ? Durations.ago(created, now) : Text.goTime(created));
      r.put("CreatedAt", Text.goTime(created));
      String by = h.path("CreatedBy").asText().replace("\t", " ");
      r.put("CreatedBy", noTrunc ? by : Text.ellipsis(by, 45));
      r.put("Size", human ? Units.humanSize(h.path("Size").asDouble(), 3) : h.path("Size").asText());
      r.put("Comment", h.path("Comment").asText());
      rows.add(r);
    }
    Map<String, Object> header = new TreeMap<>(Map.of("ID", "IMAGE", "CreatedSince", "CREATED",
        "CreatedAt", "CREATED AT", "CreatedBy", "CREATED BY", "Size", "SIZE", "Comment", "COMMENT"));
    out().print(OutputFormat.of(quiet ? "{{.ID}}" : format, DEFAULT_TABLE).render(header, rows));
    return 0;
  }
}
