package berth.cli.commands;

import berth.cli.format.TabWriter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth top CONTAINER [ps OPTIONS]}. */
@Command(name = "top", description = "Display the running processes of a container")
public final class TopCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "CONTAINER")
  String container;

  @Parameters(index = "1..*", paramLabel = "ps OPTIONS")
  List<String> psArgs = new ArrayList<>();

  @Override
  public Integer call() {
    JsonNode top = client().containers().top(container, String.join(" ", psArgs));
    StringBuilder sb = new StringBuilder();
    List<String> titles = new ArrayList<>();
    top.path("Titles").forEach(t -> titles.add(t.asText()));
    sb.append(String.join("\t", titles)).append('\n');
    for (JsonNode p : top.path("Processes")) {
      List<String> cells = new ArrayList<>();
      p.forEach(c -> cells.add(c.asText()));
      sb.append(String.join("\t", cells)).append('\n');
    }
    out().print(new TabWriter(20, 3).format(sb.toString()));
    return 0;
  }
}
