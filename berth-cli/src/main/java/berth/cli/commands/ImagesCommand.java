package berth.cli.commands;

import berth.cli.format.ImageRows;
import berth.cli.format.OutputFormat;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth images} / {@code berth image ls}. */
@Command(name = "images", description = "List images")
public final class ImagesCommand extends BaseCommand {
  @Parameters(arity = "0..1", paramLabel = "REPOSITORY[:TAG]")
  String reference;

  @Option(names = {"-a", "--all"}, description = "Show all images (default hides intermediate images)")
  boolean all;

  @Option(names = "--digests", description = "Show digests")
  boolean digests;

  @Option(names = {"-f", "--filter"}, paramLabel = "filter", description = "Filter output based on conditions provided")
  List<String> filter = new ArrayList<>();

  @Option(names = "--format", paramLabel = "string", description = "Format output using a custom template")
  String format;

  @Option(names = "--no-trunc", description = "Don't truncate output")
  boolean noTrunc;

  @Option(names = {"-q", "--quiet"}, description = "Only show image IDs")
  boolean quiet;

  @Override
  public Integer call() {
    Map<String, List<String>> f = filters(filter);
    if (reference != null) {
      f.computeIfAbsent("reference", k -> new ArrayList<>()).add(reference);
    }
    JsonNode list = client().images().list(all, digests, f);
    long now = System.currentTimeMillis();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode img : list) {
      rows.addAll(ImageRows.rows(img, !noTrunc, now));
    }
    String table = digests ? ImageRows.DIGESTS_TABLE : ImageRows.DEFAULT_TABLE;
    out().print(OutputFormat.of(quiet ? "{{.ID}}" : format, table).render(ImageRows.header(), rows));
    return 0;
  }
}
