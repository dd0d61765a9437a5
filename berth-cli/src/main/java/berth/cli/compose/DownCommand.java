package berth.cli.compose;

import berth.compose.ComposeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code compose down}: containers, then networks, then (with -v) volumes and (with --rmi) images. */
@Command(name = "down", description = "Stop and remove containers, networks")
final class DownCommand extends ComposeSubcommand {
  @Option(names = {"-v", "--volumes"}, description = "Remove named volumes declared in the \"volumes\" section of the Compose file and anonymous volumes attached to containers")
  boolean volumes;

  @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file")
  boolean removeOrphans;

  @Option(names = {"-t", "--timeout"}, paramLabel = "int", description = "Specify a shutdown timeout in seconds")
  Integer timeout;

  @Option(names = "--rmi", paramLabel = "string", description = "Remove images used by services. \"local\" remove only images that don't have a custom tag (\"local\"|\"all\")")
  String rmi;

  @Override
  int run() {
    if (rmi != null && !rmi.equals("local") && !rmi.equals("all")) {
      throw new ComposeException("invalid --rmi option \"" + rmi + "\"");
    }
    compose.service().down(compose.projectOrName(), volumes, removeOrphans, timeout, rmi);
    return 0;
  }
}
