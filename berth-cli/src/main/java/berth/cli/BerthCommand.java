package berth.cli;

import berth.client.BerthClient;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The root {@code berth} command: global options and the shared client and streams. */
@Command(name = "berth", description = "A self-sufficient runtime for containers",
    synopsisSubcommandLabel = "COMMAND", usageHelpAutoWidth = true)
public final class BerthCommand implements Callable<Integer> {
  public static final String VERSION = "0.1.0";

  @Option(names = {"-H", "--host"}, paramLabel = "list", description = "Daemon socket to connect to")
  String host;

  @Option(names = {"-D", "--debug"}, description = "Enable debug mode")
  boolean debug;

  @Option(names = {"-l", "--log-level"}, paramLabel = "string",
      description = "Set the logging level (\"debug\", \"info\", \"warn\", \"error\", \"fatal\")")
  String logLevel;

  @Option(names = {"-v", "--version"}, description = "Print version information and quit")
  boolean version;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Print usage")
  boolean help;

  @Spec
  CommandSpec spec;

  private final java.io.InputStream in;
  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private BerthClient client;

  public boolean debugEnabled() {
    return debug;
  }

  public BerthCommand(PrintStream out, PrintStream err, Map<String, String> env) {
    this(new java.io.FileInputStream(java.io.FileDescriptor.in), out, err, env);
  }

  public BerthCommand(java.io.InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.env = env;
  }

  public BerthClient client() {
    if (client == null) {
      try {
        client = new BerthClient(berth.client.DockerHost.resolve(host, env));
      } catch (berth.core.errors.InvalidArgument e) {
        throw new CliError(e.getMessage(), 1); // our own validation, not the daemon's answer
      }
    }
    return client;
  }

  /** The process's stdin, unbuffered: raw-mode keystrokes must reach the container at once. */
  public java.io.InputStream in() {
    return in;
  }

  public PrintStream out() {
    return out;
  }

  public PrintStream err() {
    return err;
  }

  public Map<String, String> env() {
    return env;
  }

  @Override
  public Integer call() {
    if (version) {
      out.println("Berth version " + VERSION);
      return 0;
    }
    spec.commandLine().usage(out);
    return 0;
  }
}
