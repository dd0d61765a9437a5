package berth.cli.commands;

import berth.cli.CliError;
import berth.cli.run.CreateBody;
import berth.cli.run.Interactive;
import berth.client.BerthClient;
import berth.client.HijackedStream;
import berth.client.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code berth exec}: runs a command in a running container; exits with the command's status. */
@Command(name = "exec", description = "Execute a command in a running container")
public final class ExecCommand extends BaseCommand {
  @Option(names = {"-d", "--detach"}, description = "Detached mode: run command in the background")
  boolean detach;

  @Option(names = "--detach-keys", paramLabel = "string", description = "Override the key sequence for detaching a container")
  String detachKeys;

  @Option(names = {"-e", "--env"}, paramLabel = "list", description = "Set environment variables")
  List<String> env = new ArrayList<>();

  @Option(names = "--env-file", paramLabel = "list", description = "Read in a file of environment variables")
  List<String> envFile = new ArrayList<>();

  @Option(names = {"-i", "--interactive"}, description = "Keep STDIN open even if not attached")
  boolean interactive;

  @Option(names = "--privileged", description = "Give extended privileges to the command")
  boolean privileged;

  @Option(names = {"-t", "--tty"}, description = "Allocate a pseudo-TTY")
  boolean tty;

  @Option(names = {"-u", "--user"}, paramLabel = "string", description = "Username or UID (format: \"<name|uid>[:<group|gid>]\")")
  String user;

  @Option(names = {"-w", "--workdir"}, paramLabel = "string", description = "Working directory inside the container")
  String workdir;

  @Parameters(index = "0", paramLabel = "CONTAINER")
  String container;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() {
    BerthClient c = client();
    boolean stdin = interactive && !detach;
    Interactive.requireTerminal(tty, stdin);
    ObjectNode body = JsonTrees.object();
    body.put("User", user == null ? "" : user);
    body.put("Privileged", privileged);
    body.put("Tty", tty);
    body.put("AttachStdin", stdin);
    body.put("AttachStderr", !detach);
    body.put("AttachStdout", !detach);
    body.put("Detach", detach);
    if (detachKeys != null) {
      body.put("DetachKeys", detachKeys);
    }
    int[] size = Interactive.consoleSize(tty);
    if (size[0] > 0) {
      body.putArray("ConsoleSize").add(size[0]).add(size[1]);
    }
    ArrayNode envs = body.putArray("Env");
    berth.cli.run.ContainerOptions o = new berth.cli.run.ContainerOptions();
    o.env = env;
    o.envFile = envFile;
    CreateBody.build(o, "", List.of(), true, root().env(), new int[] {0, 0}).path("Env").forEach(envs::add);
    body.put("WorkingDir", workdir == null ? "" : workdir);
    ArrayNode cmd = body.putArray("Cmd");
    command.forEach(cmd::add);
    String execId = c.execs().create(container, body).id();
    if (detach) {
      c.execs().startDetached(execId, tty);
      return 0;
    }
    try (Interactive term = new Interactive(tty, stdin)) {
      HijackedStream stream = c.execs().startAttached(execId, tty);
      term.prepare();
      if (tty) {
        term.monitorSize((h, w) -> c.execs().resize(execId, h, w));
      }
      if (term.stream(stream, detachKeys, root().in(), out(), err())) {
        return 0;
      }
    }
    JsonNode info = c.execs().inspect(execId);
    if (info.path("Running").asBoolean()) {
      throw new CliError("exec session is still running", 1);
    }
    return info.path("ExitCode").asInt();
  }
}
