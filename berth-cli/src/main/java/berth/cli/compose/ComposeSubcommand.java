package berth.cli.compose;

import berth.cli.commands.BaseCommand;
import berth.compose.ComposeException;
import picocli.CommandLine.ParentCommand;

/** A {@code compose} subcommand: reaches the project options through its parent; Compose's refusals exit 1. */
abstract class ComposeSubcommand extends BaseCommand {
  @ParentCommand
  ComposeCommand compose;

  @Override
  public final Integer call() {
    try {
      return run();
    } catch (ComposeException e) {
      err().println(e.getMessage());
      return 1;
    }
  }

  abstract int run();
}
