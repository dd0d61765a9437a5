package berth.cli.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth system prune}: stopped containers, then dangling (or with {@code -a} unused) images. */
@Command(name = "prune", description = "Remove unused data")
public final class SystemPruneCommand extends BaseCommand {
  @Option(names = {"-a", "--all"}, description = "Remove all unused images not just dangling ones")
  boolean all;

  @Option(names = "--filter", paramLabel = "filter", description = "Provide filter values (e.g. \"label=<key>=<value>\")")
  List<String> filter = new ArrayList<>();

  @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation")
  boolean force;

  @Option(names = "--volumes", description = "Prune anonymous volumes")
  boolean volumes;

  @Override
  public Integer call() {
    String warning = "WARNING! This will remove:\n  - all stopped containers\n"
        + (volumes ? "  - all anonymous volumes not used by at least one container\n" : "")
        + (all ? "  - all images without at least one container associated to them\n" : "  - all dangling images\n");
    if (!force && !Prompt.confirm(out(), warning)) {
      return 0;
    }
    Map<String, List<String>> f = filters(filter);
    long space = PruneCommands.printContainers(client().containers().prune(f), out());
    f.put("dangling", List.of(all ? "false" : "true"));
    space += PruneCommands.printImages(client().images().prune(f), out());
    PruneCommands.total(space, out());
    return 0;
  }
}
