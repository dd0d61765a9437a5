package berth.compose.load;

import berth.compose.ComposeException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * Rewrites a validated file into one canonical form, so merging and translation see one shape per
 * field: list forms of environment, labels, sysctls, depends_on and networks become mappings;
 * {@code build: dir} becomes {@code {context: dir}}; env_file items become {@code {path, required}};
 * volumes take the long syntax with relative bind sources made absolute against the project
 * directory; a string healthcheck test becomes {@code [CMD-SHELL, ...]}.
 */
public final class Normalizer {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Normalizer() {}

  public static void apply(ObjectNode model, Path projectDir) {
    if (model.get("services") instanceof ObjectNode services) {
      for (var e : services.properties()) {
        if (e.getValue().isNull()) {
          services.set(e.getKey(), NODES.objectNode());
        } else if (e.getValue() instanceof ObjectNode svc) {
          service(svc, projectDir);
        }
      }
    }
    for (String top : new String[] {"networks", "volumes", "secrets", "configs"}) {
      if (model.get(top) instanceof ObjectNode m) {
        for (var e : m.properties()) {
          if (e.getValue().isNull()) {
            m.set(e.getKey(), NODES.objectNode());
          }
        }
      }
    }
  }

  static void service(ObjectNode s, Path projectDir) {
    if (s.get("build") != null && s.get("build").isTextual()) {
      s.set("build", NODES.objectNode().put("context", s.get("build").textValue()));
    }
    mapping(s, "environment", true);
    mapping(s, "labels", false);
    mapping(s, "sysctls", false);
    if (s.get("build") instanceof ObjectNode b) {
      mapping(b, "args", true);
      mapping(b, "labels", false);
    }
    if (s.get("deploy") instanceof ObjectNode d) {
      mapping(d, "labels", false);
    }
    if (s.get("depends_on") instanceof ArrayNode a) {
      ObjectNode m = NODES.objectNode();
      a.forEach(x -> m.set(x.asText(), NODES.objectNode().put("condition", "service_started").put("required", true)));
      s.set("depends_on", m);
    } else if (s.get("depends_on") instanceof ObjectNode m) {
      m.properties().forEach(en -> {
        ObjectNode d = (ObjectNode) en.getValue();
        if (!d.has("condition")) {
          d.put("condition", "service_started");
        }
        if (!d.has("required")) {
          d.put("required", true);
        }
      });
    }
    if (s.get("networks") instanceof ArrayNode a) {
      ObjectNode m = NODES.objectNode();
      a.forEach(x -> m.set(x.asText(), NODES.nullNode()));
      s.set("networks", m);
    }
    if (s.get("extra_hosts") instanceof ObjectNode m) {
      ArrayNode a = NODES.arrayNode();
      m.properties().forEach(en -> {
        if (en.getValue().isArray()) {
          en.getValue().forEach(ip -> a.add(en.getKey() + ":" + ip.asText()));
        } else {
          a.add(en.getKey() + ":" + en.getValue().asText());
        }
      });
      s.set("extra_hosts", a);
    }
    JsonNode ef = s.get("env_file");
    if (ef != null) {
      ArrayNode a = NODES.arrayNode();
      for (JsonNode item : ef.isArray() ? ef : NODES.arrayNode().add(ef)) {
        ObjectNode o = item.isTextual() ? NODES.objectNode().put("path", item.textValue()).put("required", true) : (ObjectNode) item;
        o.put("path", projectDir.resolve(o.get("path").asText()).normalize().toString());
        if (!o.has("required")) {
          o.put("required", true);
        }
        a.add(o);
      }
      s.set("env_file", a);
    }
    if (s.get("healthcheck") instanceof ObjectNode h && h.get("test") != null && h.get("test").isTextual()) {
      h.set("test", NODES.arrayNode().add("CMD-SHELL").add(h.get("test").textValue()));
    }
    if (s.get("volumes") instanceof ArrayNode vols) {
      ArrayNode out = NODES.arrayNode();
      vols.forEach(v -> out.add(v.isTextual() ? VolumeSpec.parseShort(v.textValue()) : v));
      out.forEach(v -> absolutize((ObjectNode) v, projectDir));
      s.set("volumes", out);
    }
    for (String k : new String[] {"expose", "dns", "dns_search", "cap_add", "cap_drop", "profiles"}) {
      if (s.get(k) != null && !s.get(k).isArray()) {
        s.set(k, NODES.arrayNode().add(s.get(k).asText()));
      }
    }
  }

  private static void absolutize(ObjectNode v, Path projectDir) {
    if ("bind".equals(v.path("type").asText()) && v.hasNonNull("source")) {
      String src = v.get("source").asText();
      if (src.startsWith("~")) {
        src = System.getProperty("user.home") + src.substring(1);
      }
      v.put("source", projectDir.resolve(src).normalize().toString());
    }
  }

  /** A list of {@code KEY=VALUE} (or bare {@code KEY}, then null when {@code bareIsNull}) into a mapping. */
  private static void mapping(ObjectNode parent, String key, boolean bareIsNull) {
    JsonNode n = parent.get(key);
    if (n instanceof ArrayNode a) {
      ObjectNode m = NODES.objectNode();
      for (JsonNode item : a) {
        String s = item.asText();
        int eq = s.indexOf('=');
        if (eq < 0) {
          if (bareIsNull) {
            m.putNull(s);
          } else {
            m.put(s, "");
          }
        } else {
          m.put(s.substring(0, eq), s.substring(eq + 1));
        }
      }
      parent.set(key, m);
    } else if (n instanceof ObjectNode m) {
      for (Map.Entry<String, JsonNode> e : m.properties()) {
        JsonNode v = e.getValue();
        if (v.isNull()) {
          if (!bareIsNull) {
            m.put(e.getKey(), "");
          }
        } else if (!v.isTextual()) {
          if (v.isContainerNode()) {
            throw new ComposeException(key + "." + e.getKey() + " must be a string, number, boolean or null");
          }
          m.put(e.getKey(), v.asText());
        }
      }
    }
  }
}
