package berth.cli.commands;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth pause}. */
@Command(name = "pause", description = "Pause all processes within one or more containers")
public final class PauseCommand extends BaseCommand {
  @Parameters(arity = "1..*", paramLabel = "CONTAINER")
  List<String> refs;

  @Override
  public Integer call() {
    return eachRef(refs, ref -> {
      client().containers().pause(ref);
      out().println(ref);
    });
  }
}
