package berth.api.http;

import berth.core.Json;
import berth.core.errors.InvalidArgument;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Docker's {@code filters} query parameter: {@code {"name":["a","b"]}}, or the legacy form
 * {@code {"name":{"a":true,"b":true}}} that old clients still send; both become name → values.
 */
public final class Filters {
  private Filters() {}

  public static Map<String, List<String>> decode(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new InvalidArgument("invalid filter '" + json + "': " + ErrorMapper.firstLine(e.getOriginalMessage()), e);
    }
    if (root == null || root.isNull()) {
      return Map.of();
    }
    if (!root.isObject()) {
      throw new InvalidArgument("invalid filter '" + json + "'");
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(e.getKey(), values(json, e.getValue()));
    }
    return out;
  }

  private static List<String> values(String json, JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      for (JsonNode v : node) {
        values.add(v.asText());
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> v = it.next();
        if (v.getValue().asBoolean()) {
          values.add(v.getKey());
        }
      }
    } else if (node.isTextual()) {
      values.add(node.asText());
    } else {
      throw new InvalidArgument("invalid filter '" + json + "'");
    }
    return values;
  }
}
