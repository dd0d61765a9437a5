package berth.cli.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth rename OLD NEW}. */
@Command(name = "rename", description = "Rename a container")
public final class RenameCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "CONTAINER")
  String container;

  @Parameters(index = "1", paramLabel = "NEW_NAME")
  String newName;

  @Override
  public Integer call() {
    if (newName.strip().isEmpty()) {
      throw new berth.cli.CliError("Error: neither old or new names may be empty", 1);
    }
    client().containers().rename(container, newName.strip());
    return 0;
  }
}
