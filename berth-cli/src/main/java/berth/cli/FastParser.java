package berth.cli;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Binds a command line to a picocli-annotated command <em>without</em> loading picocli's engine.
 * picocli 4.7 ships Java 5 class files, which the JDK's AOT cache cannot keep, so building a
 * {@code CommandLine} costs ~80 ms on every start; most invocations are plain enough to bind by
 * reading the same annotations. This parser handles the plain cases — long and short options,
 * {@code --opt=value}, clustered flags ({@code -it}), lists, {@code --}, positionals — and
 * declines anything else (help, unknown or malformed options, missing arguments), so picocli
 * still produces every error and usage message.
 */
final class FastParser {
  private static final String NO_DEFAULT = "__no_default_value__";

  private record Binding(Field field, Object target, boolean help) {
    boolean isBoolean() {
      Class<?> t = field.getType();
      return t == boolean.class || t == Boolean.class;
    }
  }

  private record Positional(Field field, Object target, int index, boolean list, int minArity) {}

  private final Map<String, Binding> options = new HashMap<>();
  private final List<Positional> positionals = new ArrayList<>();

  private FastParser() {}

  /** Returns true when every argument was bound; false means "let picocli handle it". */
  static boolean bind(Object command, List<String> args, boolean stopAtPositional) {
    FastParser p = new FastParser();
    try {
      if (!CommandIndex.load(command, p) && !p.collect(command)) {
        return false;
      }
      return p.parse(args, stopAtPositional);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  private boolean collect(Object target) throws ReflectiveOperationException {
    for (Class<?> c = target.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        Option o = f.getAnnotation(Option.class);
        Parameters ps = f.getAnnotation(Parameters.class);
        if (o != null) {
          addOption(f, target, o.names(), o.usageHelp() || o.versionHelp(),
              o.defaultValue().equals(NO_DEFAULT) ? null : o.defaultValue());
        } else if (ps != null) {
          String index = ps.index().isEmpty() ? "0" : ps.index();
          addPositional(f, target, Integer.parseInt(index.split("\\.\\.")[0]), minArity(f, ps.arity()));
        } else if (f.isAnnotationPresent(Mixin.class)) {
          f.setAccessible(true);
          Object mixin = f.get(target);
          if (mixin == null) {
            mixin = f.getType().getDeclaredConstructor().newInstance();
            f.set(target, mixin);
          }
          if (!collect(mixin)) {
            return false;
          }
        }
      }
    }
    positionals.sort((a, b) -> Integer.compare(a.index(), b.index()));
    return true;
  }

  static int minArity(Field f, String arity) {
    boolean list = List.class.isAssignableFrom(f.getType());
    return arity.isEmpty() ? (list ? 0 : 1) : Integer.parseInt(arity.split("\\.\\.")[0]);
  }

  /** Registers an option field; {@code defaultValue} null means keep the field's initializer. */
  void addOption(Field f, Object target, String[] names, boolean help, String defaultValue)
      throws ReflectiveOperationException {
    f.setAccessible(true);
    Binding b = new Binding(f, target, help);
    for (String name : names) {
      options.put(name, b);
    }
    if (defaultValue != null) {
      set(f, target, defaultValue);
    }
  }

  void addPositional(Field f, Object target, int index, int minArity) {
    f.setAccessible(true);
    positionals.add(new Positional(f, target, index, List.class.isAssignableFrom(f.getType()), minArity));
  }

  void sortPositionals() {
    positionals.sort((a, b) -> Integer.compare(a.index(), b.index()));
  }

  private boolean parse(List<String> args, boolean stopAtPositional) throws ReflectiveOperationException {
    List<String> rest = new ArrayList<>();
    boolean endOfOptions = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (endOfOptions || (stopAtPositional && !rest.isEmpty()) || a.equals("-") || !a.startsWith("-")) {
        rest.add(a);
      } else if (a.equals("--")) {
        endOfOptions = true;
      } else if (a.startsWith("--")) {
        int eq = a.indexOf('=');
        Binding b = options.get(eq < 0 ? a : a.substring(0, eq));
        if (b == null || b.help()) {
          return false;
        }
        if (b.isBoolean()) {
          if (!setBoolean(b, eq < 0 ? null : a.substring(eq + 1))) {
            return false;
          }
        } else if (eq >= 0) {
          set(b.field(), b.target(), a.substring(eq + 1));
        } else if (i + 1 < args.size()) {
          set(b.field(), b.target(), args.get(++i));
        } else {
          return false;
        }
      } else {
        int consumed = shortCluster(a, args, i);
        if (consumed < 0) {
          return false;
        }
        i += consumed;
      }
    }
    return assign(rest);
  }

  /** {@code -it}, {@code -p8080:80}, {@code -e A=1}: returns extra args consumed, or -1 to decline. */
  private int shortCluster(String a, List<String> args, int i) throws ReflectiveOperationException {
    for (int j = 1; j < a.length(); j++) {
      Binding b = options.get("-" + a.charAt(j));
      if (b == null || b.help()) {
        return -1;
      }
      if (b.isBoolean()) {
        setBoolean(b, null);
        continue;
      }
      String inline = a.substring(j + 1);
      if (inline.startsWith("=")) {
        inline = inline.substring(1);
      }
      if (!inline.isEmpty()) {
        set(b.field(), b.target(), inline);
        return 0;
      }
      if (i + 1 >= args.size()) {
        return -1;
      }
      set(b.field(), b.target(), args.get(i + 1));
      return 1;
    }
    return 0;
  }

  private static boolean setBoolean(Binding b, String value) throws ReflectiveOperationException {
    if (value == null) {
      b.field().set(b.target(), Boolean.TRUE);
      return true;
    }
    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
      return false;
    }
    b.field().set(b.target(), Boolean.parseBoolean(value));
    return true;
  }

  private boolean assign(List<String> rest) throws ReflectiveOperationException {
    int used = 0;
    for (Positional p : positionals) {
      if (p.index() != used && p.index() < rest.size()) {
        return false; // a gap in indexes: unusual, let picocli decide
      }
      if (p.list()) {
        List<String> values = new ArrayList<>(rest.subList(Math.min(p.index(), rest.size()), rest.size()));
        if (values.size() < p.minArity()) {
          return false;
        }
        p.field().set(p.target(), values);
        used = rest.size();
      } else if (p.index() < rest.size()) {
        p.field().set(p.target(), rest.get(p.index()));
        used = p.index() + 1;
      } else if (p.minArity() > 0) {
        return false;
      }
    }
    return used == rest.size();
  }

  @SuppressWarnings("unchecked")
  private static void set(Field f, Object target, String value) throws ReflectiveOperationException {
    Class<?> t = f.getType();
    if (t == String.class) {
      f.set(target, value);
    } else if (t == int.class || t == Integer.class) {
      f.set(target, Integer.valueOf(value));
    } else if (t == long.class || t == Long.class) {
      f.set(target, Long.valueOf(value));
    } else if (t == boolean.class || t == Boolean.class) {
      f.set(target, Boolean.valueOf(value));
    } else if (List.class.isAssignableFrom(t) && f.getGenericType() instanceof ParameterizedType pt
        && pt.getActualTypeArguments()[0] == String.class) {
      List<String> list = (List<String>) f.get(target);
      if (list == null) {
        list = new ArrayList<>();
        f.set(target, list);
      }
      list.add(value);
    } else {
      throw new IllegalArgumentException("unsupported option type " + t);
    }
  }
}
