package berth.cli.commands;

import berth.cli.format.OutputFormat;
import berth.client.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth events}: streams daemon events until interrupted or {@code --until}. */
@Command(name = "events", description = "Get real time events from the server")
public final class EventsCommand extends BaseCommand {
  private static final DateTimeFormatter RFC3339_NANO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSXXX");

  @Option(names = {"-f", "--filter"}, paramLabel = "filter", description = "Filter output based on conditions provided")
  List<String> filter = new ArrayList<>();

  @Option(names = "--format", paramLabel = "string", description = "Format output using a custom template")
  String format;

  @Option(names = "--since", paramLabel = "string", description = "Show all events created since timestamp")
  String since;

  @Option(names = "--until", paramLabel = "string", description = "Stream events until this timestamp")
  String until;

  @Override
  public Integer call() {
    OutputFormat fmt = format == null ? null : OutputFormat.of(format, "");
    try (Response r = client().system().events(TimeArg.toApi(since), TimeArg.toApi(until), filters(filter))) {
      Iterator<JsonNode> it = r.jsonStream();
      while (it.hasNext()) {
        JsonNode e = it.next();
        if (fmt == null) {
          out().println(line(e));
        } else {
          out().print(fmt.render(Map.of(), List.of(e)));
        }
        out().flush();
      }
    }
    return 0;
  }

  /** {@code 2024-01-02T15:04:05.000000000Z container start abc (image=busybox, name=web)}. */
  static String line(JsonNode e) {
    long nanos = e.path("timeNano").asLong(e.path("time").asLong() * 1_000_000_000L);
    Instant t = Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
    StringBuilder sb = new StringBuilder(RFC3339_NANO.format(t.atZone(ZoneId.systemDefault())));
    sb.append(' ').append(e.path("Type").asText()).append(' ').append(e.path("Action").asText())
        .append(' ').append(e.path("Actor").path("ID").asText());
    Map<String, String> attrs = new TreeMap<>();
    e.path("Actor").path("Attributes").properties().forEach(a -> attrs.put(a.getKey(), a.getValue().asText()));
    if (!attrs.isEmpty()) {
      List<String> kv = new ArrayList<>();
      attrs.forEach((k, v) -> kv.add(k + "=" + v));
      sb.append(" (").append(String.join(", ", kv)).append(')');
    }
    return sb.toString();
  }

}
