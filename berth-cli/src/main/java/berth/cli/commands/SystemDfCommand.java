package berth.cli.commands;

import berth.cli.format.OutputFormat;
import berth.cli.format.Units;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth system df}: disk usage by images, containers, volumes and build cache. */
@Command(name = "df", description = "Show docker disk usage")
public final class SystemDfCommand extends BaseCommand {
  static final String DEFAULT_TABLE = "{{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}";

  @Option(names = "--format", paramLabel = "string", description = "Format output using a custom template")
  String format;

  @Option(names = {"-v", "--verbose"}, description = "Show detailed information on space usage")
  boolean verbose;

  @Override
  public Integer call() {
    JsonNode df = client().system().df();
    List<Map<String, Object>> rows = new ArrayList<>();
    long imgActive = 0;
    long imgUsed = 0;
    for (JsonNode i : df.path("Images")) {
      if (i.path("Containers").asLong() > 0) {
        imgActive++;
        imgUsed += i.path("Size").asLong() - Math.max(0, i.path("SharedSize").asLong());
      }
    }
    long layers = df.path("LayersSize").asLong();
    rows.add(row("Images", df.path("Images").size(), imgActive, layers, layers - imgUsed));
    long cActive = 0;
    long cSize = 0;
    long cReclaim = 0;
    for (JsonNode c : df.path("Containers")) {
      long rw = c.path("SizeRw").asLong();
      cSize += rw;
      if (c.path("State").asText().equals("running")) {
        cActive++;
      } else {
        cReclaim += rw;
      }
    }
    rows.add(row("Containers", df.path("Containers").size(), cActive, cSize, cReclaim));
    long vActive = 0;
    long vSize = 0;
    long vReclaim = 0;
    for (JsonNode v : df.path("Volumes")) {
      long size = Math.max(0, v.path("UsageData").path("Size").asLong());
      vSize += size;
      if (v.path("UsageData").path("RefCount").asLong() > 0) {
        vActive++;
      } else {
        vReclaim += size;
      }
    }
    rows.add(row("Local Volumes", df.path("Volumes").size(), vActive, vSize, vReclaim));
    long bSize = 0;
    long bActive = 0;
    long bReclaim = 0;
    for (JsonNode b : df.path("BuildCache")) {
      bSize += b.path("Size").asLong();
      if (b.path("InUse").asBoolean()) {
        bActive++;
      } else if (!b.path("Shared").asBoolean()) {
        bReclaim += b.path("Size").asLong();
      }
    }
    rows.add(row("Build Cache", df.path("BuildCache").size(), bActive, bSize, bReclaim));
    Map<String, Object> header = new TreeMap<>(Map.of("Type", "TYPE", "TotalCount", "TOTAL", "Active", "ACTIVE",
        "Size", "SIZE", "Reclaimable", "RECLAIMABLE"));
    out().print(OutputFormat.of(format, DEFAULT_TABLE).render(header, rows));
    return 0;
  }

  private static Map<String, Object> row(String type, long total, long active, long size, long reclaimable) {
    Map<String, Object> r = new TreeMap<>();
    r.put("Type", type);
    r.put("TotalCount", String.valueOf(total));
    r.put("Active", String.valueOf(active));
    r.put("Size", Units.humanSize(size));
    String rec = Units.humanSize(Math.max(0, reclaimable));
    if (size > 0) {
      rec += " (" + (int) (100.0 * Math.max(0, reclaimable) / size) + "%)";
    }
    r.put("Reclaimable", rec);
    return r;
  }
}
