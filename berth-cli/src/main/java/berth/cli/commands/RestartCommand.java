package berth.cli.commands;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth restart}. */
@Command(name = "restart", description = "Restart one or more containers")
public final class RestartCommand extends BaseCommand {
  @Parameters(arity = "1..*", paramLabel = "CONTAINER")
  List<String> refs;

  @Option(names = {"-s", "--signal"}, paramLabel = "string", description = "Signal to send to the container")
  String signal;

  @Option(names = {"-t", "--timeout", "--time"}, paramLabel = "int", description = "Seconds to wait before killing the container")
  Integer timeout;

  @Override
  public Integer call() {
    return eachRef(refs, ref -> {
      client().containers().restart(ref, timeout, signal);
      out().println(ref);
    });
  }
}
