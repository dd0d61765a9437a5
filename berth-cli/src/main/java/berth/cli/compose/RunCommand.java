package berth.cli.compose;

import berth.compose.ComposeService;
import berth.compose.ContainerSpecs;
import berth.compose.Project;
import berth.compose.Service;
import berth.compose.ShellWords;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code compose run}: a one-off container of a service ({@code <project>-<service>-run-<id>},
 * labelled oneoff), after its dependencies are up; it is then started and attached by
 * {@code berth start -a}, whose exit code is the container's.
 */
@Command(name = "run", description = "Run a one-off command on a service")
final class RunCommand extends ComposeSubcommand {
  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "0..*")
  List<String> command = new ArrayList<>();

  @Option(names = "--rm", description = "Automatically remove the container when it exits")
  boolean rm;

  @Option(names = {"-d", "--detach"}, description = "Run container in background and print container ID")
  boolean detach;

  @Option(names = {"-e", "--env"}, paramLabel = "stringArray", description = "Set environment variables")
  List<String> env = new ArrayList<>();

  @Option(names = "--no-deps", description = "Don't start linked services")
  boolean noDeps;

  @Option(names = "--entrypoint", paramLabel = "string", description = "Override the entrypoint of the image")
  String entrypoint;

  @Option(names = {"-T", "--no-TTY"}, description = "Disable pseudo-TTY allocation (default: auto-detected)")
  boolean noTty;

  @Option(names = {"-u", "--user"}, paramLabel = "string", description = "Run as specified username or uid")
  String user;

  @Option(names = {"-w", "--workdir"}, paramLabel = "string", description = "Working directory inside the container")
  String workdir;

  @Option(names = "--name", paramLabel = "string", description = "Assign a name to the container")
  String name;

  @Option(names = "--service-ports", description = "Run command with all service's ports enabled and mapped to the host")
  boolean servicePorts;

  /** The command's own flags end at SERVICE: everything after belongs to the container's command. */
  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.SELF)
  void stopAtFirstPositional(picocli.CommandLine.Model.CommandSpec spec) {
    spec.parser().stopAtPositional(true);
  }

  @Override
  int run() {
    Project p = compose.project();
    Service s = p.service(service);
    ComposeService svc = compose.service();
    svc.prepareRun(p, s, noDeps);
    ObjectNode body = ContainerSpecs.build(p, s, 1, ContainerSpecs.configHash(s), true, null);
    if (!command.isEmpty()) {
      ArrayNode cmd = body.putArray("Cmd");
      command.forEach(cmd::add);
    }
    if (entrypoint != null) {
      ArrayNode ep = body.putArray("Entrypoint");
      ShellWords.split(entrypoint).forEach(ep::add);
    }
    ArrayNode envs = (ArrayNode) body.get("Env");
    env.forEach(envs::add);
    if (user != null) {
      body.put("User", user);
    }
    if (workdir != null) {
      body.put("WorkingDir", workdir);
    }
    boolean tty = !noTty && !detach && berth.cli.run.Terminal.isTerminal();
    body.put("Tty", tty).put("OpenStdin", !detach).put("AttachStdin", !detach).put("StdinOnce", !detach);
    ObjectNode host = (ObjectNode) body.get("HostConfig");
    if (!servicePorts) {
      host.remove("PortBindings");
    }
    host.putObject("RestartPolicy").put("Name", "");
    String ctrName = name != null ? name
        : p.name() + "-" + s.name() + "-run-" + HexFormat.of().formatHex(randomBytes());
    String id = svc.client().containers().create(ctrName, body).id();
    if (detach) {
      svc.client().containers().start(id, null);
      out().println(ctrName);
      return 0;
    }
    List<String> args = new ArrayList<>(List.of("-H", compose.root().client().host().uri(), "start", "-a", "-i", id));
    int code = berth.cli.Main.run(args.toArray(String[]::new), compose.root().in(), out(), err(), compose.root().env());
    if (rm) {
      svc.client().containers().remove(id, true, true, false);
    }
    return code;
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[6];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }
}
