package berth.cli.commands;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth save}: images as a docker-archive tar. */
@Command(name = "save", description = "Save one or more images to a tar archive (streamed to STDOUT by default)")
public final class SaveCommand extends BaseCommand {
  @Parameters(arity = "1..*", paramLabel = "IMAGE")
  List<String> images;

  @Option(names = {"-o", "--output"}, paramLabel = "string", description = "Write to a file, instead of STDOUT")
  String output;

  @Override
  public Integer call() {
    if ((output == null || output.isEmpty()) && Outputs.stdoutIsTerminal()) {
      throw new berth.cli.CliError("cowardly refusing to save to a terminal. Use the -o flag or redirect", 1);
    }
    Outputs.save(client().images().save(images), output, out());
    return 0;
  }
}
