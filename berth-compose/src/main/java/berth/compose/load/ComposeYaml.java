package berth.compose.load;

import berth.compose.ComposeException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * A compose file's YAML as a JSON tree. SnakeYAML Engine speaks YAML 1.2, which dropped merge keys;
 * Compose keeps them, so {@code <<: *anchor} (a map or a list of maps) is resolved here: keys of the
 * map itself win over merged ones, and earlier maps in the list win over later ones (YAML 1.1).
 */
public final class ComposeYaml {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ComposeYaml() {}

  public static ObjectNode parse(String yaml, String file) {
    Object doc;
    try {
      LoadSettings settings = LoadSettings.builder().setLabel(file).setAllowDuplicateKeys(false)
          .setMaxAliasesForCollections(1000).build();
      doc = new Load(settings).loadFromString(yaml);
    } catch (YamlEngineException e) {
      throw new ComposeException("yaml: " + file + ": " + e.getMessage().strip());
    }
    if (doc == null) {
      return NODES.objectNode();
    }
    JsonNode n = toTree(doc);
    if (!n.isObject()) {
      throw new ComposeException("Top-level object must be a mapping: " + file);
    }
    return (ObjectNode) n;
  }

  static JsonNode toTree(Object v) {
    return switch (v) {
      case null -> NODES.nullNode();
      case Map<?, ?> m -> mapping(m);
      case List<?> l -> {
        ArrayNode a = NODES.arrayNode();
        l.forEach(x -> a.add(toTree(x)));
        yield a;
      }
      case String s -> NODES.textNode(s);
      case Boolean b -> NODES.booleanNode(b);
      case Integer i -> NODES.numberNode(i);
      case Long l -> NODES.numberNode(l);
      case BigInteger b -> NODES.numberNode(b);
      case Double d -> NODES.numberNode(d);
      case Float f -> NODES.numberNode(f);
      default -> NODES.textNode(String.valueOf(v));
    };
  }

  private static ObjectNode mapping(Map<?, ?> m) {
    ObjectNode o = NODES.objectNode();
    Object merge = null;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String key = String.valueOf(e.getKey());
      if (key.equals("<<")) {
        merge = e.getValue();
      } else {
        o.set(key, toTree(e.getValue()));
      }
    }
    if (merge != null) {
      List<Object> sources = new ArrayList<>();
      if (merge instanceof List<?> l) {
        sources.addAll(l);
      } else {
        sources.add(merge);
      }
      for (Object src : sources) {
        if (!(src instanceof Map<?, ?> sm)) {
          throw new ComposeException("yaml: map merge requires map or sequence of maps as the value");
        }
        ObjectNode merged = mapping(sm);
        merged.properties().forEach(en -> {
          if (!o.has(en.getKey())) {
            o.set(en.getKey(), en.getValue());
          }
        });
      }
    }
    return o;
  }
}
