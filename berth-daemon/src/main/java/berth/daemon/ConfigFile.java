package berth.daemon;

import berth.core.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * daemon.json with Docker's key names where berthd has the same setting. Unknown keys are a
 * start-up error (Docker, too, refuses a file it does not understand), naming every one.
 */
final class ConfigFile {
  static final Set<String> KEYS = Set.of("data-root", "exec-root", "hosts", "debug", "pidfile", "default-runtime",
      "log-level", "bip", "bridge", "default-address-pools", "fixed-cidr");

  private ConfigFile() {}

  /** The file's settings; empty when the file is absent and {@code required} is false. */
  static Map<String, JsonNode> read(Path file, boolean required) {
    byte[] data;
    try {
      data = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      if (required) {
        throw new IllegalArgumentException("unable to configure the daemon: open " + file + ": no such file or directory");
      }
      return Map.of();
    } catch (IOException e) {
      throw new IllegalArgumentException("unable to read configuration file " + file + ": " + e.getMessage());
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(data);
    } catch (IOException e) {
      throw new IllegalArgumentException("invalid configuration file " + file + ": " + e.getMessage());
    }
    if (root == null || root.isMissingNode()) {
      return Map.of();
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException("invalid configuration file " + file + ": expected a JSON object");
    }
    Map<String, JsonNode> out = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (KEYS.contains(e.getKey())) {
        out.put(e.getKey(), e.getValue());
      } else {
        unknown.add(e.getKey());
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("the following directives in " + file + " are not supported by berthd: "
          + String.join(", ", unknown) + " (supported: " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
    }
    return out;
  }

  static String string(Map<String, JsonNode> cfg, String key) {
    JsonNode n = cfg.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new IllegalArgumentException("invalid value for \"" + key + "\" in the configuration file: expected a string");
    }
    return n.asText();
  }

  static Boolean bool(Map<String, JsonNode> cfg, String key) {
    JsonNode n = cfg.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isBoolean()) {
      throw new IllegalArgumentException("invalid value for \"" + key + "\" in the configuration file: expected true or false");
    }
    return n.asBoolean();
  }

  static List<String> strings(Map<String, JsonNode> cfg, String key) {
    JsonNode n = cfg.get(key);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isArray()) {
      throw new IllegalArgumentException("invalid value for \"" + key + "\" in the configuration file: expected a list");
    }
    List<String> out = new ArrayList<>();
    n.forEach(v -> out.add(v.asText()));
    return out;
  }
}
