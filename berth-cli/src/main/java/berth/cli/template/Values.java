package berth.cli.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go semantics for template values. Data arrives as Jackson trees; functions may also produce
 * Java strings, numbers, booleans and lists. {@code null} is Go's nil; a missing map key is
 * {@link Values#MISSING}, printed as {@code <no value>} like Go does for maps.
 */
final class Values {
  static final Object MISSING = JsonNodeFactory.instance.missingNode();

  private Values() {}

  /** Unwraps scalar JSON nodes into Java values so comparisons and printing are uniform. */
  static Object norm(Object v) {
    if (v instanceof JsonNode n) {
      if (n.isMissingNode()) {
        return MISSING;
      }
      if (n.isNull()) {
        return null;
      }
      if (n.isTextual()) {
        return n.asText();
      }
      if (n.isBoolean()) {
        return n.booleanValue();
      }
      if (n.isIntegralNumber()) {
        return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
      }
      if (n.isNumber()) {
        return n.doubleValue();
      }
    }
    return v;
  }

  static Object field(Object v, String name) {
    v = norm(v);
    if (v instanceof JsonNode n && n.isObject()) {
      JsonNode child = n.get(name);
      return child != null ? child : fieldIgnoringCase(n, name);
    }
    if (v instanceof Map<?, ?> m) {
      return m.containsKey(name) ? m.get(name) : MISSING;
    }
    if (v == null) {
      throw new TemplateException("nil pointer evaluating ." + name);
    }
    if (v == MISSING) {
      return MISSING;
    }
    throw new TemplateException("can't evaluate field " + name + " in type " + typeName(v));
  }

  /**
   * docker's templates walk Go structs, whose field names differ from the JSON keys we walk only in
   * case ({@code .Server.APIVersion} is the JSON key {@code ApiVersion}); so a miss retries ignoring case.
   */
  private static Object fieldIgnoringCase(JsonNode n, String name) {
    for (var it = n.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (key.equalsIgnoreCase(name)) {
        return n.get(key);
      }
    }
    return MISSING;
  }

  static boolean truth(Object v) {
    v = norm(v);
    return switch (v) {
      case null -> false;
      case Boolean b -> b;
      case String s -> !s.isEmpty();
      case Long l -> l != 0;
      case Double d -> d != 0;
      case Number n -> n.doubleValue() != 0;
      case JsonNode n -> !n.isMissingNode() && n.size() > 0;
      case List<?> l -> !l.isEmpty();
      case Map<?, ?> m -> !m.isEmpty();
      default -> true;
    };
  }

  /** Elements for {@code range}: [key, value] pairs, maps in sorted key order like Go. */
  static List<Object[]> entries(Object v) {
    v = norm(v);
    List<Object[]> out = new ArrayList<>();
    if (v == null || v == MISSING) {
      return out;
    }
    if (v instanceof JsonNode n && n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        out.add(new Object[] {(long) i, n.get(i)});
      }
    } else if (v instanceof JsonNode n && n.isObject()) {
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      n.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
      sorted.forEach((k, val) -> out.add(new Object[] {k, val}));
    } else if (v instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        out.add(new Object[] {(long) i, l.get(i)});
      }
    } else if (v instanceof Map<?, ?> m) {
      new TreeMap<>(m).forEach((k, val) -> out.add(new Object[] {k, val}));
    } else if (v instanceof Long n) {
      for (long i = 0; i < n; i++) {
        out.add(new Object[] {i, i});
      }
    } else {
      throw new TemplateException("range can't iterate over " + print(v));
    }
    return out;
  }

  /** {@code fmt.Sprint} of a value. */
  static String print(Object v) {
    v = norm(v);
    StringBuilder sb = new StringBuilder();
    print(sb, v);
    return sb.toString();
  }

  private static void print(StringBuilder sb, Object v) {
    v = norm(v);
    switch (v) {
      case null -> sb.append("<nil>");
      case Double d -> sb.append(formatFloat(d));
      case JsonNode n when n.isMissingNode() -> sb.append("<no value>");
      case JsonNode n when n.isArray() -> {
        sb.append('[');
        for (int i = 0; i < n.size(); i++) {
          if (i > 0) {
            sb.append(' ');
          }
          print(sb, n.get(i));
        }
        sb.append(']');
      }
      case JsonNode n when n.isObject() -> {
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        n.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
        printMap(sb, sorted);
      }
      case List<?> l -> {
        sb.append('[');
        for (int i = 0; i < l.size(); i++) {
          if (i > 0) {
            sb.append(' ');
          }
          print(sb, l.get(i));
        }
        sb.append(']');
      }
      case Map<?, ?> m -> printMap(sb, new TreeMap<>(m));
      default -> sb.append(v);
    }
  }

  private static void printMap(StringBuilder sb, Map<?, ?> m) {
    sb.append("map[");
    Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<?, ?> e = it.next();
      sb.append(e.getKey()).append(':');
      print(sb, e.getValue());
      if (it.hasNext()) {
        sb.append(' ');
      }
    }
    sb.append(']');
  }

  /** Go's %v for float64: shortest digits, exponent form ("1e-05", "1.5e+21") outside [1e-4, 1e21). */
  static String formatFloat(double d) {
    double abs = Math.abs(d);
    if (d == Math.rint(d) && abs < 1e21) {
      return Long.toString((long) d);
    }
    if (abs >= 1e-4 && abs < 1e21) {
      return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
    java.math.BigDecimal b = new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros();
    int exp = b.precision() - b.scale() - 1;
    String mant = b.movePointLeft(exp).toPlainString();
    return mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
  }

  static String typeName(Object v) {
    return switch (norm(v)) {
      case String s -> "string";
      case Long l -> "int";
      case Double d -> "float64";
      case Boolean b -> "bool";
      case JsonNode n when n.isArray() -> "[]interface {}";
      default -> "map[string]interface {}";
    };
  }
}
