package berth.cli.commands;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth kill}. */
@Command(name = "kill", description = "Kill one or more running containers")
public final class KillCommand extends BaseCommand {
  @Parameters(arity = "1..*", paramLabel = "CONTAINER")
  List<String> refs;

  @Option(names = {"-s", "--signal"}, paramLabel = "string", description = "Signal to send to the container")
  String signal;

  @Override
  public Integer call() {
    return eachRef(refs, ref -> {
      client().containers().kill(ref, signal);
      out().println(ref);
    });
  }
}
