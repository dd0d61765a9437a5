package berth.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth diff}: {@code C /etc}, {@code A /new}, {@code D /gone}. */
@Command(name = "diff", description = "Inspect changes to files or directories on a container's filesystem")
public final class DiffCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "CONTAINER")
  String container;

  @Override
  public Integer call() {
    JsonNode changes = client().containers().changes(container);
    for (JsonNode c : changes) {
      String kind = switch (c.path("Kind").asInt()) {
        case 1 -> "A";
        case 2 -> "D";
        default -> "C";
      };
      out().println(kind + " " + c.path("Path").asText());
    }
    return 0;
  }
}
