package berth.cli;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Build step (run by the pom in {@code process-classes}): writes {@link CommandIndex} from the
 * commands' picocli annotations. Usage: {@code CommandIndexWriter OUTPUT_FILE}.
 */
public final class CommandIndexWriter {
  private CommandIndexWriter() {}

  public static void main(String[] args) throws IOException {
    Set<Class<?>> classes = new LinkedHashSet<>();
    collect(Commands.topLevel(), classes);
    Set<String> lines = new TreeSet<>();
    for (Class<?> c : classes) {
      describe(c, c, "", lines);
    }
    Path out = Path.of(args[0]);
    Files.createDirectories(out.getParent());
    Files.writeString(out, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  private static void collect(Map<String, Commands.Entry> entries, Set<Class<?>> classes) {
    for (Commands.Entry e : entries.values()) {
      if (e.children().isEmpty()) {
        classes.add(e.command().get().getClass());
      } else {
        collect(e.children(), classes);
      }
    }
  }

  static void describe(Class<?> command, Class<?> c, String prefix, Set<String> lines) {
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      for (Field f : k.getDeclaredFields()) {
        Option o = f.getAnnotation(Option.class);
        Parameters ps = f.getAnnotation(Parameters.class);
        if (o != null) {
          String def = o.defaultValue().equals("__no_default_value__") ? "" : "=" + o.defaultValue();
          lines.add(String.join("\t", command.getName(), "O", prefix + f.getName(), String.join(",", o.names()),
              o.usageHelp() || o.versionHelp() ? "1" : "0", def));
        } else if (ps != null) {
          String index = ps.index().isEmpty() ? "0" : ps.index();
          lines.add(String.join("\t", command.getName(), "P", prefix + f.getName(), index.split("\\.\\.")[0],
              String.valueOf(FastParser.minArity(f, ps.arity()))));
        } else if (f.isAnnotationPresent(Mixin.class)) {
          describe(command, f.getType(), f.getName() + ".", lines);
        }
      }
    }
  }
}
