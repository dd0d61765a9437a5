package berth.dockerfile;

import berth.core.errors.InvalidArgument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --name=value} flags in front of an instruction's arguments: splitting them off the
 * line, then checking them against the flags the instruction accepts, with Docker's messages.
 */
final class BuilderFlags {
  enum Type { BOOL, STRING, STRINGS }

  private final List<String> args;
  private final Map<String, Type> declared = new LinkedHashMap<>();
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, List<String>> multi = new LinkedHashMap<>();

  BuilderFlags(List<String> args) {
    this.args = args;
  }

  /**
   * Moves the leading words that start with {@code --} into {@code flags} (quotes and the escape
   * character processed) and returns the rest of the line. A bare {@code --} ends the flags.
   */
  static String extract(String line, char escape, List<String> flags) {
    int n = line.length();
    int pos = 0;
    while (true) {
      while (pos < n && ShellLex.isSpace(line.charAt(pos))) {
        pos++;
      }
      if (pos >= n) {
        return "";
      }
      if (line.charAt(pos) != '-' || pos + 1 >= n || line.charAt(pos + 1) != '-') {
        return line.substring(pos);
      }
      StringBuilder word = new StringBuilder();
      boolean blankOk = false;
      char quote = 0;
      boolean inQuote = false;
      while (pos < n) {
        char ch = line.charAt(pos);
        if (!inQuote) {
          if (ShellLex.isSpace(ch)) {
            break;
          }
          if (ch == '\'' || ch == '"') {
            quote = ch;
            blankOk = true;
            inQuote = true;
            pos++;
            continue;
          }
          if (ch == escape) {
            if (pos + 1 == n) {
              pos++;
              continue;
            }
            pos++;
            ch = line.charAt(pos);
          }
          word.append(ch);
          pos++;
        } else {
          if (ch == quote) {
            inQuote = false;
            pos++;
            continue;
          }
          if (ch == escape) {
            if (pos + 1 == n) {
              inQuote = false;
              pos++;
              continue;
            }
            pos++;
            ch = line.charAt(pos);
          }
          word.append(ch);
          pos++;
        }
      }
      String w = word.toString();
      if (pos >= n) {
        if (!w.equals("--") && (blankOk || !w.isEmpty())) {
          flags.add(w);
        }
        return "";
      }
      if (w.equals("--")) {
        return line.substring(pos);
      }
      if (blankOk || !w.isEmpty()) {
        flags.add(w);
      }
    }
  }

  void bool(String name) {
    declared.put(name, Type.BOOL);
  }

  void string(String name) {
    declared.put(name, Type.STRING);
  }

  void strings(String name) {
    declared.put(name, Type.STRINGS);
  }

  /** Checks every given flag against the declared ones. */
  void parse() {
    List<String> used = new ArrayList<>();
    for (String a : args) {
      if (a.equals("--")) {
        return;
      }
      if (!a.startsWith("--")) {
        throw new InvalidArgument("arg should start with -- : " + a);
      }
      int eq = a.indexOf('=');
      String flagName = eq < 0 ? a : a.substring(0, eq);
      String value = eq < 0 ? "" : a.substring(eq + 1);
      boolean hasValue = eq >= 0;
      String name = flagName.substring(2);
      Type type = declared.get(name);
      if (type == null) {
        String msg = "unknown flag: " + flagName;
        String hint = Suggest.closest(name, List.copyOf(declared.keySet()), true);
        throw new InvalidArgument(hint == null ? msg : msg + " (did you mean " + hint + "?)");
      }
      if (used.contains(name) && type != Type.STRINGS) {
        throw new InvalidArgument("duplicate flag specified: " + flagName);
      }
      used.add(name);
      switch (type) {
        case BOOL -> {
          if (hasValue && value.isEmpty()) {
            throw new InvalidArgument("missing a value on flag: " + flagName);
          }
          switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "" -> values.put(name, "true");
            case "false" -> values.put(name, "false");
            default -> throw new InvalidArgument(
                "expecting boolean value for flag " + flagName + ", not: " + value);
          }
        }
        case STRING -> {
          if (!hasValue) {
            throw new InvalidArgument("missing a value on flag: " + flagName);
          }
          values.put(name, value);
        }
        case STRINGS -> {
          if (!hasValue) {
            throw new InvalidArgument("missing a value on flag: " + flagName);
          }
          multi.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
      }
    }
  }

  /** The flag's value, null when not given. */
  String value(String name) {
    return values.get(name);
  }

  boolean isTrue(String name) {
    return "true".equals(values.get(name));
  }

  List<String> values(String name) {
    return multi.getOrDefault(name, List.of());
  }
}
