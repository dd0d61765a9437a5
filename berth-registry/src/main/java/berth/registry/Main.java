package berth.registry;

import berth.registry.cli.GcCommand;
import berth.registry.cli.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code berth-registry [serve] [--config F] [--addr HOST:PORT] [--storage DIR]} and
 * {@code berth-registry gc [--dry-run]}: the registry as its own process.
 */
@Command(name = "berth-registry", subcommands = {ServeCommand.class, GcCommand.class}, mixinStandardHelpOptions = true,
    version = "berth-registry 0.1.0",
    description = "The Berth registry (OCI Distribution Spec v1.1)")
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    boolean topLevel = args.length > 0 && java.util.Set.of("-h", "--help", "-V", "--version").contains(args[0]);
    String[] a = args.length == 0 || args[0].startsWith("-") && !topLevel ? prepend("serve", args) : args;
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      System.err.println("berth-registry: " + ex.getMessage());
      return 1;
    });
    System.exit(cl.execute(a));
  }

  private static String[] prepend(String first, String[] rest) {
    String[] out = new String[rest.length + 1];
    out[0] = first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }
}
