package berth.cli.commands;

import berth.cli.BerthCommand;
import berth.cli.format.Units;
import berth.cli.template.Template;
import berth.core.errors.BerthException;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berth info}: docker's layout for the fields a Berth or Docker daemon reports. */
@Command(name = "info", description = "Display system-wide information")
public final class InfoCommand extends BaseCommand {
  @Option(names = {"-f", "--format"}, paramLabel = "string", description = "Format output using a custom template")
  String format;

  @Override
  public Integer call() {
    JsonNode info;
    try {
      info = client().system().info();
    } catch (BerthException e) {
      if (format == null) {
        printClient();
        out().println();
        out().println("Server:");
      }
      err().println(describe(e));
      return 1;
    }
    if (format != null) {
      out().println(Template.parse(format).execute(info));
      return 0;
    }
    printClient();
    out().println();
    out().print(server(info));
    return 0;
  }

  private void printClient() {
    out().println("Client:");
    out().println(" Version:    " + BerthCommand.VERSION);
    out().println(" Context:    default");
    out().println(" Debug Mode: " + root().debugEnabled());
  }

  static String server(JsonNode i) {
    StringBuilder sb = new StringBuilder("Server:\n");
    line(sb, 1, "Containers", i.path("Containers").asText());
    line(sb, 2, "Running", i.path("ContainersRunning").asText());
    line(sb, 2, "Paused", i.path("ContainersPaused").asText());
    line(sb, 2, "Stopped", i.path("ContainersStopped").asText());
    line(sb, 1, "Images", i.path("Images").asText());
    line(sb, 1, "Server Version", i.path("ServerVersion").asText());
    line(sb, 1, "Storage Driver", i.path("Driver").asText());
    for (JsonNode kv : i.path("DriverStatus")) {
      line(sb, 2, kv.path(0).asText(), kv.path(1).asText());
    }
    line(sb, 1, "Logging Driver", i.path("LoggingDriver").asText());
    line(sb, 1, "Cgroup Driver", i.path("CgroupDriver").asText());
    line(sb, 1, "Cgroup Version", i.path("CgroupVersion").asText());
    plugins(sb, i.path("Plugins"));
    line(sb, 1, "Swarm", i.path("Swarm").path("LocalNodeState").asText());
    JsonNode runtimes = i.path("Runtimes");
    if (!runtimes.isMissingNode()) {
      StringBuilder names = new StringBuilder();
      runtimes.fieldNames().forEachRemaining(n -> names.append(' ').append(n));
      sb.append(" Runtimes:").append(names).append('\n');
    }
    line(sb, 1, "Default Runtime", i.path("DefaultRuntime").asText());
    // docker prints these even when empty (Println leaves the trailing space)
    sb.append(" Init Binary: ").append(i.path("InitBinary").asText()).append('\n');
    sb.append(" containerd version: ").append(i.path("ContainerdCommit").path("ID").asText()).append('\n');
    sb.append(" runc version: ").append(i.path("RuncCommit").path("ID").asText()).append('\n');
    sb.append(" init version: ").append(i.path("InitCommit").path("ID").asText()).append('\n');
    securityOptions(sb, i.path("SecurityOptions"));
    line(sb, 1, "Kernel Version", i.path("KernelVersion").asText());
    line(sb, 1, "Operating System", i.path("OperatingSystem").asText());
    line(sb, 1, "OSType", i.path("OSType").asText());
    line(sb, 1, "Architecture", i.path("Architecture").asText());
    line(sb, 1, "CPUs", i.path("NCPU").asText());
    line(sb, 1, "Total Memory", Units.bytesSize(i.path("MemTotal").asDouble()));
    line(sb, 1, "Name", i.path("Name").asText());
    line(sb, 1, "ID", i.path("ID").asText());
    line(sb, 1, "Docker Root Dir", i.path("DockerRootDir").asText());
    line(sb, 1, "Debug Mode", i.path("Debug").asText("false"));
    line(sb, 1, "Experimental", i.path("ExperimentalBuild").asText("false"));
    JsonNode cidrs = i.path("RegistryConfig").path("InsecureRegistryCIDRs");
    if (cidrs.size() > 0) {
      sb.append(" Insecure Registries:\n");
      cidrs.forEach(c -> sb.append("  ").append(c.asText()).append('\n'));
    }
    line(sb, 1, "Live Restore Enabled", i.path("LiveRestoreEnabled").asText("false"));
    sb.append('\n');
    for (JsonNode w : i.path("Warnings")) {
      sb.append(w.asText()).append('\n');
    }
    return sb.toString();
  }

  private static void plugins(StringBuilder sb, JsonNode p) {
    if (p.isMissingNode() || p.isNull()) {
      return;
    }
    sb.append(" Plugins:\n");
    for (String kind : new String[] {"Volume", "Network", "Authorization", "Log"}) {
      java.util.List<String> names = new java.util.ArrayList<>();
      p.path(kind).forEach(n -> names.add(n.asText()));
      if (!names.isEmpty() || !kind.equals("Authorization")) { // docker omits an empty Authorization line
        sb.append("  ").append(kind).append(": ").append(String.join(" ", names)).append('\n');
      }
    }
  }

  /** "name=seccomp,profile=builtin" → "  seccomp" then "   Profile: builtin", as docker lists them. */
  private static void securityOptions(StringBuilder sb, JsonNode opts) {
    if (opts.isEmpty()) {
      return;
    }
    sb.append(" Security Options:\n");
    for (JsonNode o : opts) {
      StringBuilder details = new StringBuilder();
      for (String kv : o.asText().split(",")) {
        int eq = kv.indexOf('=');
        String k = eq < 0 ? kv : kv.substring(0, eq);
        String v = eq < 0 ? "" : kv.substring(eq + 1);
        if (k.equals("name")) {
          sb.append("  ").append(v).append('\n');
        } else if (!k.isEmpty()) {
          details.append("   ").append(Character.toUpperCase(k.charAt(0))).append(k.substring(1)).append(": ").append(v).append('\n');
        }
      }
      sb.append(details);
    }
  }

  private static void line(StringBuilder sb, int indent, String key, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    sb.append(" ".repeat(indent)).append(key).append(": ").append(value).append('\n');
  }
}
