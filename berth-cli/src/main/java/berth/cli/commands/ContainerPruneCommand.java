package berth.cli.commands;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth container prune}. */
@Command(name = "prune", description = "Remove all stopped containers")
public final class ContainerPruneCommand extends BaseCommand {
  @Option(names = "--filter", paramLabel = "filter", description = "Provide filter values (e.g. \"until=<timestamp>\")")
  List<String> filter = new ArrayList<>();

  @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation")
  boolean force;

  @Override
  public Integer call() {
    if (!force && !Prompt.confirm(out(), "WARNING! This will remove all stopped containers.")) {
      return 0;
    }
    long space = PruneCommands.printContainers(client().containers().prune(filters(filter)), out());
    PruneCommands.total(space, out());
    return 0;
  }
}
