package berth.compose.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Compose Specification's merge rules for several {@code -f} files and for {@code extends}, on
 * normalized trees: mappings merge key by key, scalars are overridden; {@code command},
 * {@code entrypoint} and {@code healthcheck.test} are replaced whole; volumes merge by target and
 * secrets/configs by source; other sequences (ports, expose, dns, cap_add, ...) are appended without
 * duplicates.
 */
public final class Merger {
  private static final Set<String> REPLACED = Set.of("command", "entrypoint", "test");

  private Merger() {}

  /** A new tree: {@code base} with {@code override} merged in; neither argument is changed. */
  public static ObjectNode merge(ObjectNode base, ObjectNode override) {
    ObjectNode out = base.deepCopy();
    mergeInto(out, override);
    return out;
  }

  static void mergeInto(ObjectNode target, ObjectNode over) {
    for (Map.Entry<String, JsonNode> e : over.properties()) {
      String key = e.getKey();
      JsonNode ov = e.getValue();
      JsonNode cur = target.get(key);
      if (cur instanceof ObjectNode co && ov instanceof ObjectNode oo) {
        mergeInto(co, oo);
      } else if (cur instanceof ArrayNode ca && ov instanceof ArrayNode oa && !REPLACED.contains(key)) {
        target.set(key, sequence(key, ca, oa));
      } else {
        target.set(key, ov.deepCopy());
      }
    }
  }

  private static ArrayNode sequence(String key, ArrayNode base, ArrayNode over) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    switch (key) {
      case "volumes" -> keyed(base, over, "target", out);
      case "secrets", "configs" -> keyed(base, over, "source", out);
      default -> {
        Set<JsonNode> seen = new LinkedHashSet<>();
        base.forEach(seen::add);
        over.forEach(seen::add);
        seen.forEach(out::add);
      }
    }
    return out;
  }

  private static void keyed(ArrayNode base, ArrayNode over, String field, ArrayNode out) {
    Map<String, JsonNode> byKey = new LinkedHashMap<>();
    for (ArrayNode a : new ArrayNode[] {base, over}) {
      for (JsonNode n : a) {
        String k = n.isObject() ? n.path(field).asText() : n.asText();
        byKey.put(k, n.deepCopy());
      }
    }
    byKey.values().forEach(out::add);
  }
}
