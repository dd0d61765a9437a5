package berth.cli.format;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON indented the way Go's {@code json.Indent(buf, raw, "", "    ")} does, which is what
 * {@code docker inspect} prints: four spaces, {@code "key": value}, and {@code []} / {@code {}} for
 * empty containers. Jackson's pretty printer differs ({@code "key" : value}, two spaces).
 */
public final class JsonIndent {
  private JsonIndent() {}

  public static String indent(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    write(sb, node, 0);
    return sb.toString();
  }

  private static void write(StringBuilder sb, JsonNode n, int depth) {
    if (n.isObject()) {
      if (n.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append("{\n");
      Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        pad(sb, depth + 1);
        string(sb, e.getKey());
        sb.append(": ");
        write(sb, e.getValue(), depth + 1);
        sb.append(it.hasNext() ? ",\n" : "\n");
      }
      pad(sb, depth);
      sb.append('}');
    } else if (n.isArray()) {
      if (n.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append("[\n");
      for (int i = 0; i < n.size(); i++) {
        pad(sb, depth + 1);
        write(sb, n.get(i), depth + 1);
        sb.append(i < n.size() - 1 ? ",\n" : "\n");
      }
      pad(sb, depth);
      sb.append(']');
    } else if (n.isTextual()) {
      string(sb, n.textValue());
    } else if (n.isMissingNode() || n.isNull()) {
      sb.append("null");
    } else {
      sb.append(n.asText()); // numbers and booleans; toString() would build an ObjectMapper
    }
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    sb.append(JsonStringEncoder.getInstance().quoteAsString(s));
    sb.append('"');
  }

  private static void pad(StringBuilder sb, int depth) {
    sb.append("    ".repeat(depth));
  }
}
