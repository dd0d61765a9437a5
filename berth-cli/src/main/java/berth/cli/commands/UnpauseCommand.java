package berth.cli.commands;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth unpause}. */
@Command(name = "unpause", description = "Unpause all processes within one or more containers")
public final class UnpauseCommand extends BaseCommand {
  @Parameters(arity = "1..*", paramLabel = "CONTAINER")
  List<String> refs;

  @Override
  public Integer call() {
    return eachRef(refs, ref -> {
      client().containers().unpause(ref);
      out().println(ref);
    });
  }
}
