package berth.compose.load;

import berth.compose.ComposeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code .env} and {@code env_file} files: {@code KEY=VALUE} lines, {@code export} prefixes, comments,
 * single quotes taken literally, double quotes with {@code \n} escapes, and {@code ${VAR}} in unquoted
 * and double-quoted values expanded from what is already known (earlier lines, then {@code lookup}).
 * A bare {@code KEY} takes its value from {@code lookup} and is dropped when that has none.
 */
public final class DotEnv {
  private DotEnv() {}

  public static Map<String, String> read(Path file, Map<String, String> lookup) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ComposeException("Failed to load " + file + ": " + e.getMessage());
    }
    return parse(text, file.toString(), lookup);
  }

  public static Map<String, String> parse(String text, String file, Map<String, String> lookup) {
    Map<String, String> out = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("export ")) {
        line = line.substring(7).strip();
      }
      int eq = line.indexOf('=');
      String key = (eq < 0 ? line : line.substring(0, eq)).strip();
      if (!key.matches("[A-Za-z_][A-Za-z0-9_.\\-\\[\\]]*")) {
        throw new ComposeException("failed to read " + file + ": line " + (i + 1) + ": unexpected character in variable name \"" + key + "\"");
      }
      if (eq < 0) {
        String v = lookup.get(key);
        if (v != null) {
          out.put(key, v);
        }
        continue;
      }
      String raw = line.substring(eq + 1).strip();
      out.put(key, value(raw, lines, i, out, lookup));
    }
    return out;
  }

  private static String value(String raw, String[] lines, int at, Map<String, String> known, Map<String, String> lookup) {
    if (raw.startsWith("'")) {
      int end = raw.indexOf('\'', 1);
      return end < 0 ? raw.substring(1) : raw.substring(1, end);
    }
    Map<String, String> scope = new LinkedHashMap<>(lookup);
    scope.putAll(known);
    if (raw.startsWith("\"")) {
      int end = raw.lastIndexOf('"');
      String inner = end <= 0 ? raw.substring(1) : raw.substring(1, end);
      inner = inner.replace("\\n", "\n").replace("\\t", "\t").replace("\\\"", "\"").replace("\\\\", "\\");
      return Interpolation.substitute(inner, scope::get, "env file");
    }
    int hash = raw.indexOf(" #");
    if (hash >= 0) {
      raw = raw.substring(0, hash).strip();
    }
    return Interpolation.substitute(raw, scope::get, "env file");
  }
}
