package berth.cli.commands;

import berth.cli.CliError;
import berth.cli.run.Interactive;
import berth.client.BerthClient;
import berth.client.HijackedStream;
import berth.client.PendingResponse;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth attach}: joins a running container's streams; exits with its status. */
@Command(name = "attach", description = "Attach local standard input, output, and error streams to a running container")
public final class AttachCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "CONTAINER")
  String container;

  @Option(names = "--detach-keys", paramLabel = "string", description = "Override the key sequence for detaching a container")
  String detachKeys;

  @Option(names = "--no-stdin", description = "Do not attach STDIN")
  boolean noStdin;

  @Option(names = "--sig-proxy", arity = "0..1", fallbackValue = "true", defaultValue = "true", description = "Proxy all received signals to the process (default true)")
  boolean sigProxy;

  @Override
  public Integer call() {
    BerthClient c = client();
    JsonNode info = c.containers().inspect(container, false);
    JsonNode state = info.path("State");
    if (!state.path("Running").asBoolean()) {
      throw new CliError("You cannot attach to a stopped container, start it first", 1);
    }
    if (state.path("Paused").asBoolean()) {
      throw new CliError("You cannot attach to a paused container, unpause it first", 1);
    }
    String id = info.path("Id").asText();
    boolean tty = info.path("Config").path("Tty").asBoolean();
    boolean stdin = !noStdin && info.path("Config").path("OpenStdin").asBoolean();
    Interactive.requireTerminal(tty, stdin);
    try (Interactive term = new Interactive(tty, stdin)) {
      HijackedStream stream = c.containers().attach(id, stdin, true, true, detachKeys);
      PendingResponse wait = c.containers().waitPending(id, "not-running");
      term.prepare();
      if (tty) {
        term.monitorSize((h, w) -> c.containers().resize(id, h, w));
      } else if (sigProxy) {
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
