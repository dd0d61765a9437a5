package berth.cli.commands;

import berth.core.errors.NotFound;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code berth inspect}, {@code container inspect}, {@code image inspect}: a Go-indented JSON array,
 * or {@code --format} applied to each object. Errors for missing objects go to stderr at the end.
 */
@Command(name = "inspect", description = "Return low-level information on Berth objects")
public final class InspectCommand extends BaseCommand {
  /** Which object kinds a reference may name. */
  public enum Kind { ANY, CONTAINER, IMAGE }

  private final Kind kind;

  @Parameters(arity = "1..*", paramLabel = "NAME|ID")
  List<String> refs;

  @Option(names = {"-f", "--format"}, paramLabel = "string", description = "Format output using a custom template")
  String format;

  @Option(names = {"-s", "--size"}, description = "Display total file sizes if the type is container")
  boolean size;

  @Option(names = "--type", paramLabel = "string", description = "Return JSON for specified type")
  String type;

  public InspectCommand() {
    this(Kind.ANY);
  }

  public InspectCommand(Kind kind) {
    this.kind = kind;
  }

  @Override
  public Integer call() {
    Kind k = kind;
    if (type != null) {
      k = switch (type) {
        case "container" -> Kind.CONTAINER;
        case "image" -> Kind.IMAGE;
        default -> throw new berth.cli.CliError("\"" + type + "\" is not a valid value for --type", 1);
      };
    }
    Kind chosen = k;
    return inspectEach(refs, format, ref -> lookup(chosen, ref),
        (ref, e) -> chosen == Kind.ANY && e instanceof NotFound ? "Error: No such object: " + ref : describe(e));
  }

  private JsonNode lookup(Kind k, String ref) {
    return switch (k) {
      case CONTAINER -> client().containers().inspect(ref, size);
      case IMAGE -> client().images().inspect(ref);
      case ANY -> {
        try {
          yield client().containers().inspect(ref, size);
        } catch (NotFound e) {
          yield client().images().inspect(ref);
        }
      }
    };
  }
}
