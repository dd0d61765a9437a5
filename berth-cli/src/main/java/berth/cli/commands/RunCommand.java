package berth.cli.commands;

import berth.cli.CliError;
import berth.cli.ExitCodes;
import berth.cli.run.ContainerOptions;
import berth.cli.run.CreateBody;
import berth.cli.run.ImagePuller;
import berth.cli.run.Interactive;
import berth.api.model.ContainerCreateResponse;
import berth.api.model.WaitResponse;
import berth.client.BerthClient;
import berth.client.WireRecords;
import berth.client.HijackedStream;
import berth.client.PendingResponse;
import berth.core.errors.BerthException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth run}: create (pulling a missing image), attach before start, register the wait,
 * start, stream, and exit with the container's status — docker's order, so no output is lost.
 */
@Command(name = "run", description = "Create and run a new container from an image")
public final class RunCommand extends BaseCommand {
  @Mixin
  ContainerOptions o;

  @Option(names = {"-d", "--detach"}, description = "Run container in background and print container ID")
  boolean detach;

  @Option(names = "--sig-proxy", arity = "0..1", fallbackValue = "true", defaultValue = "true",
      description = "Proxy received signals to the process (default true)")
  boolean sigProxy;

  @Parameters(index = "0", paramLabel = "IMAGE")
  String image;

  @Parameters(index = "1..*", paramLabel = "COMMAND")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    try {
      return run();
    } catch (CliError e) {
      return fail(e.getMessage(), e.exitCode());
    } catch (BerthException e) {
      return fail(describe(e), ExitCodes.DAEMON_ERROR);
    }
  }

  private int fail(String message, int code) {
    if (message.startsWith("invalid argument ")) {
      // a flag value docker's flag parser would have refused, reported the same way
      err().println(message);
      err().println();
      err().println("Usage:  berth run [OPTIONS] IMAGE [COMMAND] [ARG...]");
    } else if (code == 1) {
      err().println(message); // docker's own pre-flight checks (-it without a TTY, -a with -d)
      return code;
    } else {
      err().println("berth: " + message);
    }
    err().println();
    err().println("Run 'berth run --help' for more information");
    return code;
  }

  private int run() {
    CreateBody.Attach attach = CreateBody.Attach.of(o, detach);
    if (detach && o.detachKeys != null) {
      berth.cli.run.DetachKeys.parse(o.detachKeys);
    }
    Interactive.requireTerminal(o.tty, attach.stdin());
    ObjectNode body = CreateBody.build(o, image, args, detach, root().env(), Interactive.consoleSize(o.tty));
    BerthClient c = client();
    ContainerCreateResponse created = ImagePuller.create(c, o.name, body, image, o.pull, o.platform, o.quiet, err());
    String id = created.id();
    if (created.warnings() != null) {
      created.warnings().forEach(w -> err().println("WARNING: " + w));
    }
    if (detach) {
      start(c, id);
      out().println(id);
      return 0;
    }
    return runAttached(c, id, attach);
  }

  @SuppressWarnings("try") // the terminal is restored early, before the error is printed
  private int runAttached(BerthClient c, String id, CreateBody.Attach attach) {
    try (Interactive term = new Interactive(o.tty, attach.stdin())) {
      HijackedStream stream = null;
      if (attach.stdin() || attach.stdout() || attach.stderr()) {
        stream = c.containers().attach(id, attach.stdin(), attach.stdout(), attach.stderr(), o.detachKeys);
      }
      PendingResponse wait = c.containers().waitPending(id, o.rm ? "removed" : "next-exit");
      wait.awaitHeaders(2000);
      term.prepare();
      try {
        c.containers().start(id, null);
      } catch (BerthException e) {
        if (stream != null) {
          stream.close();
        }
        wait.close();
        term.close();
        return startFailed(e);
      }
      if (o.tty) {
        term.monitorSize((h, w) -> c.containers().resize(id, h, w));
      } else if (sigProxy) {
        term.proxySignals(sig -> c.containers().kill(id, sig));
      }
      if (stream != null && term.stream(stream, o.detachKeys, root().in(), out(), err())) {
        wait.close();
        return 0; // detached: the container keeps running
      }
      return exitStatus(wait);
    }
  }

  private void start(BerthClient c, String id) {
    try {
      c.containers().start(id, null);
    } catch (BerthException e) {
      throw new CliError(describe(e), ExitCodes.forStartError(e.getMessage()));
    }
  }

  private int startFailed(BerthException e) {
    return fail(describe(e), ExitCodes.forStartError(e.getMessage()));
  }

  static int exitStatus(PendingResponse wait) {
    WaitResponse res;
    try {
      res = WireRecords.waitResponse(wait.result().join());
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof BerthException be) {
        throw be;
      }
      throw e;
    }
    if (res.error() != null && !res.error().message().isEmpty()) {
      throw new CliError(res.error().message(), ExitCodes.DAEMON_ERROR);
    }
    return res.statusCode().intValue();
  }
}
