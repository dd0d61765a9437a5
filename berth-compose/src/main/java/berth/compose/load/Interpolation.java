package berth.compose.load;

import berth.compose.ComposeException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.function.Function;

/**
 * Compose's variable interpolation in string values.
 *
 * <pre>
 * $$              a literal $
 * $NAME ${NAME}   the value, or "" when unset
 * ${NAME:-word}   word when NAME is unset or empty     ${NAME-word}  word when NAME is unset
 * ${NAME:?err}    error when NAME is unset or empty    ${NAME?err}   error when NAME is unset
 * ${NAME:+word}   word when NAME is set and not empty  ${NAME+word}  word when NAME is set
 * </pre>
 * Words are themselves interpolated, so defaults may nest ({@code ${A:-${B}}}).
 */
public final class Interpolation {
  private Interpolation() {}

  /** Interpolates every string value in the tree (keys stay as written). */
  public static void apply(JsonNode tree, Function<String, String> lookup) {
    walk(tree, lookup, "");
  }

  private static void walk(JsonNode n, Function<String, String> lookup, String path) {
    if (n instanceof ObjectNode o) {
      for (var e : o.properties()) {
        String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
        if (e.getValue().isTextual()) {
          o.set(e.getKey(), TextNode.valueOf(substitute(e.getValue().textValue(), lookup, p)));
        } else {
          walk(e.getValue(), lookup, p);
        }
      }
    } else if (n instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        String p = path + "[" + i + "]";
        if (a.get(i).isTextual()) {
          a.set(i, TextNode.valueOf(substitute(a.get(i).textValue(), lookup, p)));
        } else {
          walk(a.get(i), lookup, p);
        }
      }
    }
  }

  /** Interpolates one string; {@code path} names the value in errors. */
  public static String substitute(String s, Function<String, String> lookup, String path) {
    if (s.indexOf('$') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != '$') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 >= s.length()) {
        out.append('$');
        i++;
        continue;
      }
      char next = s.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '{') {
        int end = closingBrace(s, i + 2);
        if (end < 0) {
          throw invalid(path, s);
        }
        out.append(braced(s.substring(i + 2, end), lookup, path, s));
        i = end + 1;
      } else if (isNameStart(next)) {
        int j = i + 1;
        while (j < s.length() && isNamePart(s.charAt(j))) {
          j++;
        }
        String v = lookup.apply(s.substring(i + 1, j));
        out.append(v == null ? "" : v);
        i = j;
      } else {
        // a lone $ before anything else is kept, as compose does for "$ 5" or "$("
        out.append('$');
        i++;
      }
    }
    return out.toString();
  }

  private static String braced(String body, Function<String, String> lookup, String path, String whole) {
    int j = 0;
    while (j < body.length() && isNamePart(body.charAt(j))) {
      j++;
    }
    String name = body.substring(0, j);
    if (name.isEmpty() || !isNameStart(name.charAt(0))) {
      throw invalid(path, whole);
    }
    if (j == body.length()) {
      String v = lookup.apply(name);
      return v == null ? "" : v;
    }
    boolean colon = body.charAt(j) == ':';
    int opAt = colon ? j + 1 : j;
    if (opAt >= body.length()) {
      throw invalid(path, whole);
    }
    char op = body.charAt(opAt);
    String word = body.substring(opAt + 1);
    String v = lookup.apply(name);
    boolean set = v != null && !(colon && v.isEmpty());
    return switch (op) {
      case '-' -> set ? v : substitute(word, lookup, path);
      case '+' -> set ? substitute(word, lookup, path) : "";
      case '?' -> {
        if (!set) {
          String reason = substitute(word, lookup, path);
          throw new ComposeException("error while interpolating " + path + ": required variable " + name
              + " is missing a value" + (reason.isEmpty() ? "" : ": " + reason));
        }
        yield v;
      }
      default -> throw invalid(path, whole);
    };
  }

  private static int closingBrace(String s, int from) {
    int depth = 1;
    for (int k = from; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return k;
      }
    }
    return -1;
  }

  private static ComposeException invalid(String path, String value) {
    return new ComposeException("invalid interpolation format for " + path + ": \"" + value
        + "\"; you may need to escape any $ with another $");
  }

  private static boolean isNameStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }
}
