package berth.cli.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth export}: the container's filesystem as a tar. */
@Command(name = "export", description = "Export a container's filesystem as a tar archive")
public final class ExportCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "CONTAINER")
  String container;

  @Option(names = {"-o", "--output"}, paramLabel = "string", description = "Write to a file, instead of STDOUT")
  String output;

  @Override
  public Integer call() {
    if ((output == null || output.isEmpty()) && Outputs.stdoutIsTerminal()) {
      throw new berth.cli.CliError("cowardly refusing to save to a terminal. Use the -o flag or redirect", 1);
    }
    Outputs.save(client().containers().export(container), output, out());
    return 0;
  }
}
