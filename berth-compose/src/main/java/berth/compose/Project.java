package berth.compose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A loaded, validated project: its name, directory and files, the active services (file order) and
 * the top-level networks and volumes, each a normalized tree, plus the whole resolved model for
 * {@code config}. {@code disabled} are services switched off by profiles.
 */
public record Project(String name, Path workingDir, List<Path> configFiles, Map<String, Service> services,
    Map<String, ObjectNode> networks, Map<String, ObjectNode> volumes, ObjectNode model, Set<String> disabled,
    Map<String, String> environment) {

  public Service service(String name) {
    Service s = services.get(name);
    if (s == null) {
      throw new ComposeException(disabled.contains(name)
          ? "service " + name + " is not enabled by the active profiles" : "no such service: " + name);
    }
    return s;
  }

  /** Names of services that are in the file at all, active or not. */
  public boolean defines(String name) {
    return services.containsKey(name) || disabled.contains(name);
  }

  /** The engine's name of a top-level network: its {@code name:} or {@code <project>_<key>}. */
  public String networkName(String key) {
    ObjectNode n = networks.get(key);
    if (n != null && n.hasNonNull("name")) {
      return n.get("name").asText();
    }
    if (n != null && n.path("external").asBoolean()) {
      return key;
    }
    return name + "_" + key;
  }

  /** The engine's name of a top-level volume: its {@code name:} or {@code <project>_<key>}. */
  public String volumeName(String key) {
    ObjectNode v = volumes.get(key);
    if (v != null && v.hasNonNull("name")) {
      return v.get("name").asText();
    }
    if (v != null && v.path("external").asBoolean()) {
      return key;
    }
    return name + "_" + key;
  }
}
