package berth.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code berth port CONTAINER [PRIVATE_PORT[/PROTO]]}. */
@Command(name = "port", description = "List port mappings or a specific mapping for the container")
public final class PortCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "CONTAINER")
  String container;

  @Parameters(index = "1", arity = "0..1", paramLabel = "PRIVATE_PORT[/PROTO]")
  String port;

  @Override
  public Integer call() {
    JsonNode ports = client().containers().inspect(container, false).path("NetworkSettings").path("Ports");
    if (port != null) {
      String key = port.contains("/") ? port : port + "/tcp";
      JsonNode bindings = ports.path(key);
      if (bindings.isMissingNode() || bindings.isNull() || bindings.isEmpty()) {
        throw new berth.cli.CliError("Error: No public port '" + key + "' published for " + container, 1);
      }
      bindings.forEach(b -> out().println(hostPort(b)));
      return 0;
    }
    for (Map.Entry<String, JsonNode> e : ports.properties()) {
      for (JsonNode b : e.getValue()) {
        out().println(e.getKey() + " -> " + hostPort(b));
      }
    }
    return 0;
  }

  private static String hostPort(JsonNode b) {
    String ip = b.path("HostIp").asText();
    String host = ip.contains(":") ? "[" + ip + "]" : ip;
    return host + ":" + b.path("HostPort").asText();
  }
}
