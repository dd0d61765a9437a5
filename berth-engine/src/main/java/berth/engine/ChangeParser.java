package berth.engine;

import berth.api.model.ContainerConfig;
import berth.core.Json;
import berth.core.errors.InvalidArgument;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Dockerfile instructions `docker import --change` and `docker commit --change` accept:
 * CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, SHELL, STOPSIGNAL, USER, VOLUME, WORKDIR.
 * Grammar per line: INSTRUCTION args; CMD/ENTRYPOINT/SHELL/VOLUME take a JSON array or shell form.
 */
public final class ChangeParser {
  private ChangeParser() {}

  public static ContainerConfig apply(ContainerConfig base, List<String> changes) {
    ContainerConfig.Builder b = base.toBuilder();
    if (changes == null) {
      return base;
    }
    for (String line : changes) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      int sp = l.indexOf(' ');
      String ins = (sp < 0 ? l : l.substring(0, sp)).toUpperCase(Locale.ROOT);
      String arg = sp < 0 ? "" : l.substring(sp + 1).strip();
      switch (ins) {
        case "CMD" -> b.cmd(command(arg, b.shell()));
        case "ENTRYPOINT" -> b.entrypoint(command(arg, b.shell()));
        case "SHELL" -> b.shell(jsonArray(arg, ins));
        case "ENV" -> b.env(env(b.env(), arg));
        case "LABEL" -> b.labels(labels(b.labels(), arg));
        case "EXPOSE" -> b.exposedPorts(expose(b.exposedPorts(), arg));
        case "VOLUME" -> b.volumes(volumes(b.volumes(), arg));
        case "USER" -> b.user(arg);
        case "WORKDIR" -> b.workingDir(arg);
        case "STOPSIGNAL" -> b.stopSignal(arg);
        case "ONBUILD" -> {
          List<String> ob = new ArrayList<>(b.onBuild() == null ? List.of() : b.onBuild());
          ob.add(arg);
          b.onBuild(ob);
        }
        default -> throw new InvalidArgument(ins + " is not a valid change command");
      }
    }
    return b.build();
  }

  private static List<String> command(String arg, List<String> shell) {
    if (arg.startsWith("[")) {
      return jsonArray(arg, "CMD");
    }
    List<String> out = new ArrayList<>(shell == null || shell.isEmpty() ? List.of("/bin/sh", "-c") : shell);
    out.add(arg);
    return out;
  }

  private static List<String> jsonArray(String arg, String ins) {
    try {
      return Json.MAPPER.readValue(arg, new TypeReference<List<String>>() {});
    } catch (Exception e) {
      throw new InvalidArgument(ins + " requires a JSON array of strings: " + arg);
    }
  }

  private static Map<String, String> pairs(String arg, String ins) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> words = words(arg);
    if (!words.isEmpty() && !words.get(0).contains("=")) {
      // legacy form: KEY value with spaces
      String key = words.get(0);
      out.put(key, arg.substring(arg.indexOf(key) + key.length()).strip());
      return out;
    }
    for (String w : words) {
      int eq = w.indexOf('=');
      if (eq <= 0) {
        throw new InvalidArgument(ins + " names can not be blank: " + w);
      }
      out.put(w.substring(0, eq), w.substring(eq + 1));
    }
    return out;
  }

  /** Splits on blanks, honouring double and single quotes and backslash escapes. */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        } else if (ch == '\\' && quote == '"' && i + 1 < s.length()) {
          cur.append(s.charAt(++i));
        } else {
          cur.append(ch);
        }
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
        any = true;
      } else if (ch == '\\' && i + 1 < s.length()) {
        cur.append(s.charAt(++i));
        any = true;
      } else if (Character.isWhitespace(ch)) {
        if (cur.length() > 0 || any) {
          out.add(cur.toString());
          cur.setLength(0);
          any = false;
        }
      } else {
        cur.append(ch);
        any = true;
      }
    }
    if (cur.length() > 0 || any) {
      out.add(cur.toString());
    }
    return out;
  }

  private static List<String> env(List<String> env, String arg) {
    List<String> out = new ArrayList<>(env == null ? List.of() : env);
    for (Map.Entry<String, String> e : pairs(arg, "ENV").entrySet()) {
      out.removeIf(x -> x.startsWith(e.getKey() + "="));
      out.add(e.getKey() + "=" + e.getValue());
    }
    return out;
  }

  private static Map<String, String> labels(Map<String, String> labels, String arg) {
    Map<String, String> out = new LinkedHashMap<>(labels == null ? Map.of() : labels);
    out.putAll(pairs(arg, "LABEL"));
    return out;
  }

  private static Map<String, Object> expose(Map<String, Object> ports, String arg) {
    Map<String, Object> out = new LinkedHashMap<>(ports == null ? Map.of() : ports);
    for (String p : words(arg)) {
      String port = p.contains("/") ? p.toLowerCase(Locale.ROOT) : p + "/tcp";
      if (!port.matches("\\d+(-\\d+)?/(tcp|udp|sctp)")) {
        throw new InvalidArgument("invalid containerPort: " + p);
      }
      out.put(port, Map.of());
    }
    return out;
  }

  private static Map<String, Object> volumes(Map<String, Object> vols, String arg) {
    Map<String, Object> out = new LinkedHashMap<>(vols == null ? Map.of() : vols);
    List<String> v = arg.startsWith("[") ? jsonArray(arg, "VOLUME") : words(arg);
    for (String x : v) {
      out.put(x, Map.of());
    }
    return out;
  }
}
