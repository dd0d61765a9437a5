package berth.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command group ({@code container}, {@code image}, {@code system}): prints its usage when run alone. */
@Command(synopsisSubcommandLabel = "COMMAND")
final class Group implements Callable<Integer> {
  private final String name;
  private final String description;

  @Spec
  CommandSpec spec;

  @picocli.CommandLine.Option(names = "--help", usageHelp = true, description = "Print usage")
  boolean help;

  Group(String name, String description) {
    this.name = name;
    this.description = description;
  }

  String name() {
    return name;
  }

  String description() {
    return description;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(((BerthCommand) spec.root().userObject()).out());
    return 0;
  }
}
