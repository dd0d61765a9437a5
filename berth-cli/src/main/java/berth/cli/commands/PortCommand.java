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
    java.util.List<String> out = new java.util.ArrayList<>();
    if (port != null) {
      String key = port.contains("/") ? port : port + "/tcp";
      String number = key.substring(0, key.indexOf('/'));
      if (!number.matches("\\d{1,5}") || Integer.parseInt(number) > 65535) {
        throw new berth.cli.CliError("Error: invalid port (" + number + "): strconv.ParseUint: parsing \"" + number
            + "\": " + (number.matches("\\d+") ? "value out of range" : "invalid syntax"), 1);
      }
      JsonNode bindings = ports.path(key);
      if (bindings.isMissingNode() || bindings.isNull() || bindings.isEmpty()) {
        // docker names the port as it was given
        throw new berth.cli.CliError("Error: No public port '" + port + "' published for " + container, 1);
      }
      bindings.forEach(b -> out.add(hostPort(b)));
    } else {
      for (Map.Entry<String, JsonNode> e : ports.properties()) {
        for (JsonNode b : e.getValue()) {
          out.add(e.getKey() + " -> " + hostPort(b));
        }
      }
    }
    // docker sorts the lines in natural order
    out.sort(NetworkCommands::naturalLess);
    out.forEach(l -> out().println(l));
    return 0;
  }

  private static String hostPort(JsonNode b) {
    String ip = b.path("HostIp").asText();
    String host = ip.contains(":") ? "[" + ip + "]" : ip;
    return host + ":" + b.path("HostPort").asText();
  }
}
