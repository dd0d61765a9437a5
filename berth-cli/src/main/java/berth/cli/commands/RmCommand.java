package berth.cli.commands;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth rm} / {@code container rm}. */
@Command(name = "rm", description = "Remove one or more containers")
public final class RmCommand extends BaseCommand {
  @Parameters(arity = "1..*", paramLabel = "CONTAINER")
  List<String> refs;

  @Option(names = {"-f", "--force"}, description = "Force the removal of a running container (uses SIGKILL)")
  boolean force;

  @Option(names = {"-l", "--link"}, description = "Remove the specified link")
  boolean link;

  @Option(names = {"-v", "--volumes"}, description = "Remove anonymous volumes associated with the container")
  boolean volumes;

  @Override
  public Integer call() {
    return eachRef(refs, ref -> {
      client().containers().remove(ref.startsWith("/") ? ref.substring(1) : ref, force, volumes, link);
      out().println(ref);
    });
  }
}
