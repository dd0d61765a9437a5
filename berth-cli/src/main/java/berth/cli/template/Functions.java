package berth.cli.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Go's builtins plus docker's additions ({@code json join split title lower upper pad truncate}). */
final class Functions {
  private static final Set<String> NAMES = Set.of("json", "join", "split", "title", "lower", "upper",
      "pad", "truncate", "index", "len", "printf", "print", "println", "eq", "ne", "lt", "le", "gt",
      "ge", "not", "and", "or", "table");

  private Functions() {}

  static boolean exists(String name) {
    return NAMES.contains(name);
  }

  static Object call(String name, List<Object> args) {
    return switch (name) {
      case "json" -> json(arg(name, args, 0, 1));
      case "join" -> join(args);
      case "split" -> split(args);
      case "title" -> title(str(arg(name, args, 0, 1)));
      case "lower" -> str(arg(name, args, 0, 1)).toLowerCase(Locale.ROOT);
      case "upper" -> str(arg(name, args, 0, 1)).toUpperCase(Locale.ROOT);
      case "pad" -> {
        check(name, args, 3);
        yield " ".repeat((int) num(args.get(1))) + str(args.get(0)) + " ".repeat((int) num(args.get(2)));
      }
      case "truncate" -> {
        check(name, args, 2);
        String s = str(args.get(0));
        int n = (int) num(args.get(1));
        yield s.codePointCount(0, s.length()) <= n ? s : s.substring(0, s.offsetByCodePoints(0, n));
      }
      case "index" -> index(args);
      case "len" -> len(arg(name, args, 0, 1));
      case "printf" -> Printf.format(str(args.getFirst()), args.subList(1, args.size()));
      case "print" -> sprint(args);
      case "println" -> sprintln(args);
      case "eq" -> eq(args);
      case "ne" -> {
        check(name, args, 2);
        yield !compareEq(args.get(0), args.get(1));
      }
      case "lt" -> cmp(name, args) < 0;
      case "le" -> cmp(name, args) <= 0;
      case "gt" -> cmp(name, args) > 0;
      case "ge" -> cmp(name, args) >= 0;
      case "not" -> !Values.truth(arg(name, args, 0, 1));
      case "and" -> andOr(args, false);
      case "or" -> andOr(args, true);
      case "table" -> arg(name, args, 0, 1);
      default -> throw new TemplateException("function \"" + name + "\" not defined");
    };
  }

  private static Object arg(String name, List<Object> args, int i, int want) {
    check(name, args, want);
    return args.get(i);
  }

  private static void check(String name, List<Object> args, int want) {
    if (args.size() != want) {
      throw new TemplateException("wrong number of args for " + name + ": want " + want + " got " + args.size());
    }
  }

  static String str(Object v) {
    return Values.print(v);
  }

  private static double num(Object v) {
    Object n = Values.norm(v);
    if (n instanceof Number x) {
      return x.doubleValue();
    }
    throw new TemplateException("expected a number, got " + Values.print(v));
  }

  static String json(Object v) {
    Object n = Values.norm(v);
    if (n == Values.MISSING || n == null) {
      return "null";
    }
    if (n instanceof Map<?, ?> m) {
      Map<Object, Object> plain = new java.util.TreeMap<>();
      m.forEach((k, val) -> {
        if (!(val instanceof Method)) {
          plain.put(k, val);
        }
      });
      n = plain;
    }
    String json = berth.client.JsonTrees.writeString(n);
    if (Values.norm(v) instanceof Map<?, ?>) {
      // list contexts go through Go's json.Marshal, which escapes HTML; inspect data does not
      json = json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
    return json;
  }

  private static String join(List<Object> args) {
    check("join", args, 2);
    List<String> parts = new ArrayList<>();
    for (Object[] e : Values.entries(args.get(0))) {
      parts.add(str(e[1]));
    }
    return String.join(str(args.get(1)), parts);
  }

  private static List<String> split(List<Object> args) {
    check("split", args, 2);
    String s = str(args.get(0));
    String sep = str(args.get(1));
    List<String> out = new ArrayList<>();
    if (sep.isEmpty()) {
      s.codePoints().forEach(cp -> out.add(Character.toString(cp)));
      return out;
    }
    int from = 0;
    int at;
    while ((at = s.indexOf(sep, from)) >= 0) {
      out.add(s.substring(from, at));
      from = at + sep.length();
    }
    out.add(s.substring(from));
    return out;
  }

  private static String title(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean start = true;
    for (char c : s.toCharArray()) {
      sb.append(start ? Character.toTitleCase(c) : c);
      start = !Character.isLetterOrDigit(c) && c != '_' && c != '\'';
    }
    return sb.toString();
  }

  private static Object index(List<Object> args) {
    if (args.isEmpty()) {
      throw new TemplateException("wrong number of args for index: want at least 1 got 0");
    }
    Object v = args.get(0);
    for (Object key : args.subList(1, args.size())) {
      Object n = Values.norm(v);
      if (n instanceof JsonNode node && node.isObject()) {
        JsonNode child = node.get(str(key));
        v = child == null ? "" : child; // a typed map's zero value, as docker's structs give
      } else if (n instanceof Map<?, ?> m) {
        v = m.containsKey(str(key)) ? m.get(str(key)) : "";
      } else if (n instanceof JsonNode node && node.isArray() || n instanceof List<?>) {
        int i = (int) num(key);
        int size = n instanceof JsonNode node ? node.size() : ((List<?>) n).size();
        if (i < 0 || i >= size) {
          throw new TemplateException("error calling index: index out of range: " + i);
        }
        v = n instanceof JsonNode node ? node.get(i) : ((List<?>) n).get(i);
      } else if (n == null || n == Values.MISSING) {
        throw new TemplateException("error calling index: index of untyped nil");
      } else {
        throw new TemplateException("error calling index: can't index item of type " + Values.typeName(n));
      }
    }
    return v;
  }

  private static long len(Object v) {
    Object n = Values.norm(v);
    return switch (n) {
      case String s -> s.length();
      case JsonNode node -> node.size();
      case List<?> l -> l.size();
      case Map<?, ?> m -> m.size();
      default -> throw new TemplateException("error calling len: len of type " + Values.typeName(n));
    };
  }

  /** Go's Sprint: spaces between operands when neither is a string. */
  private static String sprint(List<Object> args) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      boolean isStr = Values.norm(args.get(i)) instanceof String;
      if (i > 0 && !isStr && !(Values.norm(args.get(i - 1)) instanceof String)) {
        sb.append(' ');
      }
      sb.append(str(args.get(i)));
    }
    return sb.toString();
  }

  private static String sprintln(List<Object> args) {
    List<String> parts = new ArrayList<>();
    args.forEach(a -> parts.add(str(a)));
    return String.join(" ", parts) + "\n";
  }

  private static boolean eq(List<Object> args) {
    if (args.size() < 2) {
      throw new TemplateException("missing argument for comparison");
    }
    for (Object other : args.subList(1, args.size())) {
      if (compareEq(args.get(0), other)) {
        return true;
      }
    }
    return false;
  }

  private static boolean compareEq(Object a, Object b) {
    Object x = Values.norm(a);
    Object y = Values.norm(b);
    if (x instanceof Number p && y instanceof Number q) {
      return p.doubleValue() == q.doubleValue();
    }
    if (x == Values.MISSING) {
      x = null;
    }
    if (y == Values.MISSING) {
      y = null;
    }
    if (x == null || y == null) {
      return x == y;
    }
    if (x.getClass() != y.getClass() && !(x instanceof JsonNode && y instanceof JsonNode)) {
      throw new TemplateException("error calling eq: incompatible types for comparison");
    }
    return x.equals(y);
  }

  private static int cmp(String name, List<Object> args) {
    check(name, args, 2);
    Object x = Values.norm(args.get(0));
    Object y = Values.norm(args.get(1));
    if (x instanceof Number p && y instanceof Number q) {
      return Double.compare(p.doubleValue(), q.doubleValue());
    }
    if (x instanceof String p && y instanceof String q) {
      return p.compareTo(q);
    }
    throw new TemplateException("error calling " + name + ": incompatible types for comparison");
  }

  private static Object andOr(List<Object> args, boolean or) {
    for (Object a : args) {
      if (Values.truth(a) == or) {
        return a;
      }
    }
    return args.getLast();
  }
}
