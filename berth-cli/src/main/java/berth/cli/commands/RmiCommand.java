package berth.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth rmi} / {@code image rm}: prints Untagged/Deleted lines. */
@Command(name = "rmi", description = "Remove one or more images")
public final class RmiCommand extends BaseCommand {
  @Parameters(arity = "1..*", paramLabel = "IMAGE")
  List<String> images;

  @Option(names = {"-f", "--force"}, description = "Force removal of the image")
  boolean force;

  @Option(names = "--no-prune", description = "Do not delete untagged parents")
  boolean noPrune;

  @Override
  public Integer call() {
    return eachRef(images, ref -> {
      for (JsonNode item : client().images().remove(ref, force, noPrune)) {
        if (item.hasNonNull("Untagged")) {
          out().println("Untagged: " + item.path("Untagged").asText());
        }
        if (item.hasNonNull("Deleted")) {
          out().println("Deleted: " + item.path("Deleted").asText());
        }
      }
    });
  }
}
