package berth.compose.load;

import berth.compose.ComposeException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * After interpolation every substituted value is a string; fields the schema types as boolean or
 * integer get theirs back ({@code privileged: ${PRIV}} with PRIV=true), as compose-go casts them.
 * Maps of free-form strings (environment, labels, ...) are left alone.
 */
final class Coercion {
  private static final Set<String> BOOLEANS = Set.of("privileged", "init", "tty", "stdin_open", "read_only",
      "external", "internal", "attachable", "required", "disable", "nocopy", "create_host_path", "enable_ipv6", "oom_kill_disable");
  private static final Set<String> INTEGERS = Set.of("scale", "replicas", "retries", "pids_limit", "oom_score_adj", "cpu_shares");
  private static final Set<String> FREE_FORM = Set.of("environment", "labels", "args", "sysctls", "driver_opts",
      "extra_hosts", "annotations", "x-");

  private Coercion() {}

  static void apply(JsonNode n, String file) {
    apply(n, file, "");
  }

  private static void apply(JsonNode n, String file, String path) {
    if (n instanceof ObjectNode o) {
      for (var e : o.properties()) {
        String k = e.getKey();
        JsonNode v = e.getValue();
        if (FREE_FORM.contains(k) || k.startsWith("x-")) {
          continue;
        }
        String p = path.isEmpty() ? k : path + "." + k;
        if (v.isTextual()) {
          String s = v.textValue();
          if (BOOLEANS.contains(k)) {
            if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
              throw new ComposeException("validating " + file + ": " + p + " must be a boolean, not \"" + s + "\"");
            }
            o.set(k, BooleanNode.valueOf(Boolean.parseBoolean(s.toLowerCase(java.util.Locale.ROOT))));
          } else if (INTEGERS.contains(k)) {
            if (!s.matches("-?\\d{1,9}")) {
              throw new ComposeException("validating " + file + ": " + p + " must be an integer, not \"" + s + "\"");
            }
            o.set(k, IntNode.valueOf(Integer.parseInt(s)));
          }
        } else {
          apply(v, file, p);
        }
      }
    } else if (n instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        apply(a.get(i), file, path + "." + i);
      }
    }
  }
}
