package berth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands' option tables, extracted at build time by {@link CommandIndexWriter} into the
 * resource {@value #RESOURCE}. Reading picocli's annotations at run time makes the JDK generate
 * annotation proxy classes (tens of milliseconds per start); this index carries the same facts as
 * text, so {@link FastParser} only looks fields up by name.
 *
 * <p>One line per item, tab-separated: {@code class O fieldPath names(,) help(0|1) [=default]}
 * for options and {@code class P fieldPath index minArity} for positionals; a field path is
 * {@code field} or {@code mixinField.field}.
 */
final class CommandIndex {
  static final String RESOURCE = "/berth/cli/commands.idx";
  private static Map<String, List<String[]>> index;

  private CommandIndex() {}

  /** Feeds {@code p} from the index; false when the class is not indexed (use annotations). */
  static boolean load(Object command, FastParser p) throws ReflectiveOperationException {
    List<String[]> rows = rows().get(command.getClass().getName());
    if (rows == null) {
      return false;
    }
    for (String[] r : rows) {
      Object target = command;
      String path = r[2];
      int dot = path.indexOf('.');
      if (dot > 0) {
        Field mixinField = field(command.getClass(), path.substring(0, dot));
        mixinField.setAccessible(true);
        target = mixinField.get(command);
        if (target == null) {
          target = mixinField.getType().getDeclaredConstructor().newInstance();
          mixinField.set(command, target);
        }
        path = path.substring(dot + 1);
      }
      Field f = field(target.getClass(), path);
      if (r[1].equals("O")) {
        p.addOption(f, target, r[3].split(","), r[4].equals("1"), r[5].startsWith("=") ? r[5].substring(1) : null);
      } else {
        p.addPositional(f, target, Integer.parseInt(r[3]), Integer.parseInt(r[4]));
      }
    }
    p.sortPositionals();
    return true;
  }

  private static Field field(Class<?> c, String name) throws NoSuchFieldException {
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      try {
        return k.getDeclaredField(name);
      } catch (NoSuchFieldException e) {
        // keep climbing: options may live in BaseCommand
      }
    }
    throw new NoSuchFieldException(c.getName() + "." + name);
  }

  private static synchronized Map<String, List<String[]>> rows() {
    if (index == null) {
      index = new HashMap<>();
      try (InputStream in = CommandIndex.class.getResourceAsStream(RESOURCE)) {
        if (in != null) {
          for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
              String[] r = line.split("\t", -1);
              index.computeIfAbsent(r[0], k -> new java.util.ArrayList<>()).add(r);
            }
          }
        }
      } catch (IOException e) {
        index.clear(); // unreadable index: fall back to annotations
      }
    }
    return index;
  }
}
