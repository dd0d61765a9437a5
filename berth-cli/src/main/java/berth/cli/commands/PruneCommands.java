package berth.cli.commands;

import berth.cli.format.Units;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** Printing of prune results, shared by {@code container prune}, {@code image prune} and {@code system prune}. */
final class PruneCommands {
  private PruneCommands() {}

  /** Returns the space reclaimed; prints the deleted ids under docker's headings. */
  static long printContainers(JsonNode res, PrintStream out) {
    JsonNode deleted = res.path("ContainersDeleted");
    if (deleted.size() > 0) {
      out.println("Deleted Containers:");
      deleted.forEach(id -> out.println(id.asText()));
      out.println();
    }
    return res.path("SpaceReclaimed").asLong();
  }

  static long printImages(JsonNode res, PrintStream out) {
    JsonNode deleted = res.path("ImagesDeleted");
    if (deleted.size() > 0) {
      out.println("Deleted Images:");
      for (JsonNode d : deleted) {
        if (d.hasNonNull("Untagged")) {
          out.println("untagged: " + d.path("Untagged").asText());
        }
        if (d.hasNonNull("Deleted")) {
          out.println("deleted: " + d.path("Deleted").asText());
        }
      }
      out.println();
    }
    return res.path("SpaceReclaimed").asLong();
  }

  static void total(long bytes, PrintStream out) {
    out.println("Total reclaimed space: " + Units.humanSize(bytes));
  }
}
