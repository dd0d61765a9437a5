package berth.cli.commands;

import berth.client.Response;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth wait}: prints each container's exit code. */
@Command(name = "wait", description = "Block until one or more containers stop, then print their exit codes")
public final class WaitCommand extends BaseCommand {
  @Parameters(arity = "1..*", paramLabel = "CONTAINER")
  List<String> refs;

  @Override
  public Integer call() {
    return eachRef(refs, ref -> {
      try (Response r = client().containers().waitFor(ref, null)) {
        out().println(berth.client.WireRecords.waitResponse(r.json()).statusCode());
      }
    });
  }
}
