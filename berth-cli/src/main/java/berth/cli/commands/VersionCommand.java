package berth.cli.commands;

import berth.cli.BerthCommand;
import berth.cli.format.TabWriter;
import berth.cli.template.Template;
import berth.client.BerthClient;
import berth.client.JsonTrees;
import berth.core.errors.BerthException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth version}: the client block, then the server's components, aligned like docker's. */
@Command(name = "version", description = "Show the Berth version information")
public final class VersionCommand extends BaseCommand {
  @Option(names = {"-f", "--format"}, paramLabel = "string", description = "Format output using a custom template")
  String format;

  @Override
  public Integer call() {
    ObjectNode data = JsonTrees.object();
    ObjectNode client = data.putObject("Client");
    client.put("Platform", "");
    client.put("Version", BerthCommand.VERSION);
    client.put("DefaultAPIVersion", BerthClient.API_VERSION);
    client.put("GoVersion", "java" + Runtime.version().feature());
    client.put("GitCommit", "unknown");
    client.put("BuildTime", "unknown");
    client.put("Os", "linux");
    client.put("Arch", arch());
    client.put("Context", "default");
    BerthException failure = null;
    try {
      client.put("ApiVersion", client().apiVersion());
      data.set("Server", client().system().version());
    } catch (BerthException e) {
      failure = e;
      client.put("ApiVersion", BerthClient.API_VERSION);
      data.putNull("Server");
    }
    if (format != null) {
      out().println(Template.parse(format).execute(data));
    } else {
      out().print(new TabWriter(20, 1).format(render(data)));
    }
    if (failure != null) {
      err().println(describe(failure));
      return 1;
    }
    return 0;
  }

  private static String render(JsonNode d) {
    JsonNode c = d.get("Client");
    StringBuilder sb = new StringBuilder();
    sb.append("Client:\n");
    sb.append(" Version:\t").append(c.get("Version").asText()).append('\n');
    String api = c.get("ApiVersion").asText();
    sb.append(" API version:\t").append(api);
    if (!api.equals(c.get("DefaultAPIVersion").asText())) {
      sb.append(" (downgraded from ").append(c.get("DefaultAPIVersion").asText()).append(')');
    }
    sb.append('\n');
    sb.append(" Go version:\t").append(c.get("GoVersion").asText()).append('\n');
    sb.append(" Git commit:\t").append(c.get("GitCommit").asText()).append('\n');
    sb.append(" Built:\t").append(c.get("BuildTime").asText()).append('\n');
    sb.append(" OS/Arch:\t").append(c.get("Os").asText()).append('/').append(c.get("Arch").asText()).append('\n');
    sb.append(" Context:\t").append(c.get("Context").asText()).append('\n');
    JsonNode s = d.get("Server");
    if (s == null || s.isNull()) {
      return sb.toString();
    }
    sb.append("\nServer:");
    String platform = s.path("Platform").path("Name").asText("");
    if (!platform.isEmpty()) {
      sb.append(' ').append(platform);
    }
    sb.append('\n');
    JsonNode comps = s.path("Components");
    if (comps.isEmpty()) {
      comps = JsonTrees.array().add(JsonTrees.object().put("Name", "Engine")
          .put("Version", s.path("Version").asText()).set("Details", s));
    }
    for (JsonNode comp : comps) {
      sb.append(' ').append(comp.path("Name").asText()).append(":\n");
      JsonNode det = comp.path("Details");
      if (comp.path("Name").asText().equals("Engine")) {
        sb.append("  Version:\t").append(comp.path("Version").asText()).append('\n');
        sb.append("  API version:\t").append(det.path("ApiVersion").asText()).append(" (minimum version ")
            .append(det.path("MinAPIVersion").asText()).append(")\n");
        sb.append("  Go version:\t").append(det.path("GoVersion").asText()).append('\n');
        sb.append("  Git commit:\t").append(det.path("GitCommit").asText()).append('\n');
        sb.append("  Built:\t").append(ansic(det.path("BuildTime").asText())).append('\n');
        sb.append("  OS/Arch:\t").append(det.path("Os").asText()).append('/').append(det.path("Arch").asText()).append('\n');
        sb.append("  Experimental:\t").append(det.path("Experimental").asText("false")).append('\n');
      } else {
        sb.append("  Version:\t").append(comp.path("Version").asText()).append('\n');
        det.properties().forEach(e -> sb.append("  ").append(e.getKey()).append(":\t").append(e.getValue().asText()).append('\n'));
      }
    }
    return sb.toString();
  }

  /** docker's reformatDate: RFC 3339 build times shown as Go's ANSIC layout, in their own zone. */
  static String ansic(String rfc3339) {
    try {
      java.time.OffsetDateTime t = java.time.OffsetDateTime.parse(rfc3339);
      return java.time.format.DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", java.util.Locale.ROOT).format(t);
    } catch (java.time.format.DateTimeParseException e) {
      return rfc3339;
    }
  }

  private static String arch() {
    String a = System.getProperty("os.arch");
    return switch (a) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64" -> "arm64";
      default -> a;
    };
  }
}
