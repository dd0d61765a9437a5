package berth.cli.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth image prune}: dangling images, or with {@code -a} every unused image. */
@Command(name = "prune", description = "Remove unused images")
public final class ImagePruneCommand extends BaseCommand {
  @Option(names = {"-a", "--all"}, description = "Remove all unused images, not just dangling ones")
  boolean all;

  @Option(names = "--filter", paramLabel = "filter", description = "Provide filter values (e.g. \"until=<timestamp>\")")
  List<String> filter = new ArrayList<>();

  @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation")
  boolean force;

  @Override
  public Integer call() {
    String warning = all ? "WARNING! This will remove all images without at least one container associated to them."
        : "WARNING! This will remove all dangling images.";
    if (!force && !Prompt.confirm(out(), warning)) {
      return 0;
    }
    Map<String, List<String>> f = filters(filter);
    f.put("dangling", List.of(all ? "false" : "true"));
    long space = PruneCommands.printImages(client().images().prune(f), out());
    PruneCommands.total(space, out());
    return 0;
  }
}
