package berth.cli.commands;

import berth.cli.CliError;
import berth.cli.ExitCodes;
import berth.cli.run.Interactive;
import berth.client.BerthClient;
import berth.client.HijackedStream;
import berth.client.PendingResponse;
import berth.core.errors.BerthException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth start}: plain start prints each name; {@code -a}/{@code -i} attach first and exit with the container's status. */
@Command(name = "start", description = "Start one or more stopped containers")
public final class StartCommand extends BaseCommand {
  @Parameters(arity = "1..*", paramLabel = "CONTAINER")
  List<String> refs;

  @Option(names = {"-a", "--attach"}, description = "Attach STDOUT/STDERR and forward signals")
  boolean attach;

  @Option(names = {"-i", "--interactive"}, description = "Attach container's STDIN")
  boolean interactive;

  @Option(names = "--detach-keys", paramLabel = "string", description = "Override the key sequence for detaching a container")
  String detachKeys;

  @Override
  public Integer call() {
    if (!attach && !interactive) {
      List<String> failed = new java.util.ArrayList<>();
      for (String ref : refs) {
        try {
          client().containers().start(ref, null);
          out().println(ref);
        } catch (BerthException e) {
          err().println(describe(e));
          failed.add(ref);
        }
      }
      if (!failed.isEmpty()) {
        err().println("Error: failed to start containers: " + String.join(", ", failed));
        return 1;
      }
      return 0;
    }
    if (refs.size() > 1) {
      throw new CliError("you cannot start and attach multiple containers at once", 1);
    }
    return startAttached(refs.getFirst());
  }

  @SuppressWarnings("try") // the terminal is restored early, before the error is printed
  private int startAttached(String ref) {
    BerthClient c = client();
    JsonNode info = c.containers().inspect(ref, false);
    String id = info.path("Id").asText();
    boolean tty = info.path("Config").path("Tty").asBoolean();
    boolean stdin = interactive && info.path("Config").path("OpenStdin").asBoolean();
    Interactive.requireTerminal(tty, stdin);
    try (Interactive term = new Interactive(tty, stdin)) {
      HijackedStream stream = c.containers().attach(id, stdin, true, true, detachKeys);
      boolean autoRemove = info.path("HostConfig").path("AutoRemove").asBoolean();
      PendingResponse wait = c.containers().waitPending(id, autoRemove ? "removed" : "next-exit");
      wait.awaitHeaders(2000);
      term.prepare();
      try {
        c.containers().start(id, detachKeys);
      } catch (BerthException e) {
        stream.close();
        wait.close();
        term.close();
        err().println("Error response from daemon: " + e.getMessage());
        return ExitCodes.forStartError(e.getMessage());
      }
      if (tty) {
        term.monitorSize((h, w) -> c.containers().resize(id, h, w));
      } else {
        term.proxySignals(sig -> c.containers().kill(id, sig));
      }
      if (term.stream(stream, detachKeys, root().in(), out(), err())) {
        wait.close();
        return 0;
      }
      return RunCommand.exitStatus(wait);
    }
  }
}
