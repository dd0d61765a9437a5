package berth.cli.commands;

import berth.cli.format.OutputFormat;
import berth.client.JsonTrees;
import berth.client.Query;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code berth volume} group: create, ls, inspect, rm, prune, printing what docker prints. */
public final class VolumeCommands {
  private VolumeCommands() {}

  static String path(String name) {
    return "/volumes/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Docker's {@code key=value} list (labels, driver options) as a map; a bare key gets "". */
  static Map<String, String> keyValues(List<String> args) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      m.put(eq < 0 ? a : a.substring(0, eq), eq < 0 ? "" : a.substring(eq + 1));
    }
    return m;
  }

  static ObjectNode node(Map<String, String> m) {
    ObjectNode o = JsonTrees.object();
    m.forEach(o::put);
    return o;
  }

  @Command(name = "create", description = "Create a volume")
  public static final class Create extends BaseCommand {
    @Parameters(arity = "0..1", paramLabel = "VOLUME")
    String name;

    @Option(names = {"-d", "--driver"}, paramLabel = "string", description = "Specify volume driver name")
    String driver = "local";

    @Option(names = "--label", paramLabel = "list", description = "Set metadata for a volume")
    List<String> labels = new ArrayList<>();

    @Option(names = {"-o", "--opt"}, paramLabel = "map", description = "Set driver specific options")
    List<String> opts = new ArrayList<>();

    @Override
    public Integer call() {
      ObjectNode body = JsonTrees.object();
      body.put("Name", name == null ? "" : name);
      body.put("Driver", driver);
      body.set("DriverOpts", node(keyValues(opts)));
      body.set("Labels", node(keyValues(labels)));
      JsonNode v = client().postJson("/volumes/create", null, body);
      out().println(v.path("Name").asText());
      return 0;
    }
  }

  @Command(name = "ls", description = "List volumes")
  public static final class Ls extends BaseCommand {
    static final String TABLE = "{{.Driver}}\t{{.Name}}";

    @Option(names = {"-f", "--filter"}, paramLabel = "filter", description = "Provide filter values (e.g. \"dangling=true\")")
    List<String> filter = new ArrayList<>();

    @Option(names = "--format", paramLabel = "string", description = "Format output using a custom template")
    String format;

    @Option(names = {"-q", "--quiet"}, description = "Only display volume names")
    boolean quiet;

    @Override
    public Integer call() {
      JsonNode res = client().getJson("/volumes", Query.of().filters(filters(filter)));
      List<Map<String, Object>> rows = new ArrayList<>();
      List<JsonNode> vols = new ArrayList<>();
      res.path("Volumes").forEach(vols::add);
      vols.sort((a, b) -> a.path("Name").asText().compareTo(b.path("Name").asText()));
      for (JsonNode v : vols) {
        rows.add(row(v));
      }
      out().print(OutputFormat.of(quiet ? "{{.Name}}" : format, TABLE).render(header(), rows));
      return 0;
    }

    static Map<String, Object> header() {
      Map<String, Object> h = new TreeMap<>();
      h.put("Driver", "DRIVER");
      h.put("Name", "VOLUME NAME");
      h.put("Mountpoint", "MOUNTPOINT");
      h.put("Scope", "SCOPE");
      h.put("Labels", "LABELS");
      h.put("Links", "LINKS");
      h.put("Size", "SIZE");
      h.put("CreatedAt", "CREATED AT");
      return h;
    }

    static Map<String, Object> row(JsonNode v) {
      Map<String, Object> r = new TreeMap<>();
      r.put("Driver", v.path("Driver").asText());
      r.put("Name", v.path("Name").asText());
      r.put("Mountpoint", v.path("Mountpoint").asText());
      r.put("Scope", v.path("Scope").asText());
      r.put("CreatedAt", v.path("CreatedAt").asText());
      List<String> labels = new ArrayList<>();
      v.path("Labels").properties().forEach(e -> labels.add(e.getKey() + "=" + e.getValue().asText()));
      r.put("Labels", String.join(",", labels));
      r.put("Links", "N/A");
      r.put("Size", "N/A");
      return r;
    }
  }

  @Command(name = "inspect", description = "Display detailed information on one or more volumes")
  public static final class Inspect extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "VOLUME")
    List<String> names;

    @Option(names = {"-f", "--format"}, paramLabel = "string", description = "Format output using a custom template")
    String format;

    @Override
    public Integer call() {
      return inspectEach(names, format, n -> client().getJson(path(n), null), null);
    }
  }

  @Command(name = "rm", description = "Remove one or more volumes")
  public static final class Rm extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "VOLUME")
    List<String> names;

    @Option(names = {"-f", "--force"}, description = "Force the removal of one or more volumes")
    boolean force;

    @Override
    public Integer call() {
      return eachRef(names, n -> {
        client().delete(path(n), Query.of().flag("force", force));
        out().println(n);
      });
    }
  }

  @Command(name = "prune", description = "Remove unused local volumes")
  public static final class Prune extends BaseCommand {
    @Option(names = {"-a", "--all"}, description = "Remove all unused volumes, not just anonymous ones")
    boolean all;

    @Option(names = "--filter", paramLabel = "filter", description = "Provide filter values (e.g. \"label=<label>\")")
    List<String> filter = new ArrayList<>();

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation")
    boolean force;

    @Override
    public Integer call() {
      String warning = all
          ? "WARNING! This will remove all local volumes not used by at least one container."
          : "WARNING! This will remove anonymous local volumes not used by at least one container.";
      if (!force && !Prompt.confirm(out(), warning)) {
        return 0;
      }
      Map<String, List<String>> f = filters(filter);
      if (all) {
        f.put("all", List.of("true"));
      }
      JsonNode res = client().postJson("/volumes/prune", Query.of().filters(f), null);
      JsonNode deleted = res.path("VolumesDeleted");
      if (deleted.size() > 0) {
        out().println("Deleted Volumes:");
        deleted.forEach(n -> out().println(n.asText()));
        out().println();
      }
      PruneCommands.total(res.path("SpaceReclaimed").asLong(), out());
      return 0;
    }
  }
}
