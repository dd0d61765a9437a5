package berth.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One service of a project: its name and normalized tree, with the lookups the planner needs. */
public record Service(String name, ObjectNode config) {

  public String image(String project) {
    JsonNode i = config.get("image");
    // Docker's compose names built images <project>-<service>
    return i != null ? i.asText() : project + "-" + name;
  }

  public boolean hasBuild() {
    return config.has("build");
  }

  /** {@code scale}, else {@code deploy.replicas}, else 1. */
  public int replicas() {
    if (config.has("scale")) {
      return config.get("scale").asInt();
    }
    JsonNode r = config.path("deploy").get("replicas");
    return r == null ? 1 : r.asInt();
  }

  /** depends_on as service → condition (service_started, service_healthy, service_completed_successfully). */
  public Map<String, String> dependsOn() {
    Map<String, String> out = new LinkedHashMap<>();
    if (config.get("depends_on") instanceof ObjectNode m) {
      m.properties().forEach(e -> out.put(e.getKey(), e.getValue().path("condition").asText("service_started")));
    }
    return out;
  }

  public boolean dependencyRequired(String dep) {
    return config.path("depends_on").path(dep).path("required").asBoolean(true);
  }

  /** The networks the service joins, in file order: {@code default} when none and no network_mode. */
  public List<String> networks() {
    List<String> out = new ArrayList<>();
    if (config.get("networks") instanceof ObjectNode m) {
      m.fieldNames().forEachRemaining(out::add);
    } else if (!config.has("network_mode")) {
      out.add("default");
    }
    return out;
  }

  /** Named volumes the service mounts (the top-level keys they refer to). */
  public List<String> namedVolumes() {
    List<String> out = new ArrayList<>();
    for (JsonNode v : config.path("volumes")) {
      if ("volume".equals(v.path("type").asText()) && v.hasNonNull("source") && !v.get("source").asText().isEmpty()) {
        out.add(v.get("source").asText());
      }
    }
    return out;
  }

  public String containerName() {
    return config.hasNonNull("container_name") ? config.get("container_name").asText() : null;
  }

  public List<String> profiles() {
    List<String> out = new ArrayList<>();
    config.path("profiles").forEach(p -> out.add(p.asText()));
    return out;
  }
}
