package berth.cli.commands;

import berth.cli.CliError;
import berth.cli.run.ContainerOptions;
import berth.cli.run.CreateBody;
import berth.cli.run.ImagePuller;
import berth.cli.run.Interactive;
import berth.core.errors.BerthException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code berth create}: prints the new container's id. */
@Command(name = "create", description = "Create a new container")
public final class CreateCommand extends BaseCommand {
  @Mixin
  ContainerOptions o;

  @Parameters(index = "0", paramLabel = "IMAGE")
  String image;

  @Parameters(index = "1..*", paramLabel = "COMMAND")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    try {
      JsonNode body = CreateBody.build(o, image, args, false, root().env(), Interactive.consoleSize(o.tty));
      var created = ImagePuller.create(client(), o.name, body, image, o.pull, o.platform, o.quiet, err());
      if (created.warnings() != null) {
        created.warnings().forEach(w -> err().println("WARNING: " + w));
      }
      out().println(created.id());
      return 0;
    } catch (CliError e) {
      err().println(e.getMessage().startsWith("invalid argument ") ? e.getMessage()
          + "\n\nUsage:  berth create [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'berth create --help' for more information"
          : "berth: " + e.getMessage());
      return e.exitCode();
    } catch (BerthException e) {
      err().println("berth: " + describe(e));
      err().println();
      err().println("Run 'berth create --help' for more information");
      return 125;
    }
  }
}
