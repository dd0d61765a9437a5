package berth.dockerfile;

import berth.core.errors.InvalidArgument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * {@code RUN --mount=} values: CSV fields ({@code type=cache,target=/root/.cache,sharing=locked}),
 * checked with BuildKit's rules and messages. Parsing happens twice, as in BuildKit: once when the
 * Dockerfile is read (values kept as written) and again with variables expanded for the step.
 */
final class MountParser {
  private static final List<String> TYPES = List.of("bind", "cache", "tmpfs", "secret", "ssh");
  private static final List<String> SHARING = List.of("shared", "private", "locked");
  private static final List<String> KEYS = List.of("type", "from", "source", "target", "readonly",
      "id", "sharing", "required", "size", "mode", "uid", "gid", "src", "dst", "destination",
      "ro", "rw", "readwrite", "env");

  private MountParser() {}

  /**
   * Parses one mount. With {@code expand} null, values holding a variable are kept as written and
   * their checks wait for the expanding pass.
   */
  static RunMount parse(String csv, UnaryOperator<String> expand) {
    String type = "bind";
    String from = null;
    String source = null;
    String target = null;
    String id = null;
    String sharing = null;
    String mode = null;
    String uid = null;
    String gid = null;
    String size = null;
    String env = null;
    boolean readonly = false;
    boolean roAuto = true;
    boolean required = false;
    for (String field : csvFields(csv)) {
      int eq = field.indexOf('=');
      String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (eq < 0) {
        switch (key) {
          case "readonly", "ro" -> {
            readonly = true;
            roAuto = false;
          }
          case "readwrite", "rw" -> {
            readonly = false;
            roAuto = false;
          }
          case "required" -> {
            if (!type.equals("secret") && !type.equals("ssh")) {
              throw new InvalidArgument(
                  "unexpected key '" + key + "' for mount type '" + type + "'");
            }
            required = true;
          }
          default -> throw new InvalidArgument(
              "invalid field '" + field + "' must be a key=value pair");
        }
        continue;
      }
      String value = field.substring(eq + 1);
      boolean deferred = expand == null && value.contains("$");
      if (expand != null) {
        value = expand.apply(value);
      } else if (key.equals("from") && value.indexOf('$') >= 0
          && value.indexOf('$') != value.length() - 1) {
        throw new InvalidArgument(
            "'from' doesn't support variable expansion, define alias stage instead");
      }
      switch (key) {
        case "type" -> {
          String v = value.toLowerCase(Locale.ROOT);
          if (!deferred && !TYPES.contains(v)) {
            throw unsupported("unsupported mount type \"" + value + "\"", value, TYPES);
          }
          type = v;
        }
        case "from" -> from = value;
        case "source", "src" -> source = value;
        case "target", "dst", "destination" -> target = value;
        case "readonly", "ro" -> {
          readonly = parseBool(key, value);
          roAuto = false;
        }
        case "readwrite", "rw" -> {
          readonly = !parseBool(key, value);
          roAuto = false;
        }
        case "required" -> {
          if (!type.equals("secret") && !type.equals("ssh")) {
            throw new InvalidArgument("unexpected key '" + key + "' for mount type '" + type + "'");
          }
          required = parseBool(key, value);
        }
        case "size" -> {
          if (!type.equals("tmpfs")) {
            throw new InvalidArgument("unexpected key '" + key + "' for mount type '" + type + "'");
          }
          if (!deferred) {
            try {
              Units.parseBytes(value);
            } catch (InvalidArgument e) {
              throw new InvalidArgument("invalid value for " + key + ": " + value);
            }
          }
          size = value;
        }
        case "id" -> id = value;
        case "sharing" -> {
          String v = value.toLowerCase(Locale.ROOT);
          if (!deferred && !SHARING.contains(v)) {
            throw unsupported("unsupported sharing value \"" + value + "\"", value, SHARING);
          }
          sharing = v;
        }
        case "mode" -> mode = checkNumber(value, 8, "mode", deferred);
        case "uid" -> uid = checkNumber(value, 10, "uid", deferred);
        case "gid" -> gid = checkNumber(value, 10, "gid", deferred);
        case "env" -> env = value;
        default -> {
          String msg = "unexpected key '" + key + "' in '" + field + "'";
          throw unsupported(msg, key, KEYS);
        }
      }
    }
    boolean fileInfo = type.equals("secret") || type.equals("ssh") || type.equals("cache");
    if (!fileInfo) {
      if (mode != null) {
        throw new InvalidArgument("mode not allowed for \"" + type + "\" type mounts");
      }
      if (uid != null) {
        throw new InvalidArgument("uid not allowed for \"" + type + "\" type mounts");
      }
      if (gid != null) {
        throw new InvalidArgument("gid not allowed for \"" + type + "\" type mounts");
      }
    }
    if (roAuto) {
      readonly = !(type.equals("cache") || type.equals("tmpfs"));
    }
    if (type.equals("secret")) {
      if (from != null) {
        throw new InvalidArgument("secret mount should not have a from");
      }
      if (sharing != null) {
        throw new InvalidArgument("secret mount should not define sharing");
      }
      if (source == null && target == null && id == null) {
        throw new InvalidArgument("invalid secret mount. one of source, target required");
      }
      if (source != null && id != null) {
        throw new InvalidArgument("both source and id can't be set");
      }
    }
    if (sharing != null && !type.equals("cache")) {
      throw new InvalidArgument("invalid cache sharing set for " + type + " mount");
    }
    return new RunMount(type, target, source, from, id, sharing, readonly, mode, uid, gid, size,
        required, env);
  }

  /**
   * The mount with every value expanded, checked again now that variables are resolved, and
   * completed with BuildKit's defaults.
   */
  static RunMount expand(RunMount m, UnaryOperator<String> w) {
    String type = w.apply(m.type()).toLowerCase(Locale.ROOT);
    if (!TYPES.contains(type)) {
      throw unsupported("unsupported mount type \"" + type + "\"", type, TYPES);
    }
    String sharing = w.apply(m.sharing());
    if (sharing != null) {
      sharing = sharing.toLowerCase(Locale.ROOT);
      if (!SHARING.contains(sharing)) {
        throw unsupported("unsupported sharing value \"" + sharing + "\"", sharing, SHARING);
      }
    }
    String mode = checkNumber(w.apply(m.mode()), 8, "mode");
    String uid = checkNumber(w.apply(m.uid()), 10, "uid");
    String gid = checkNumber(w.apply(m.gid()), 10, "gid");
    String size = w.apply(m.size());
    if (size != null) {
      try {
        Units.parseBytes(size);
      } catch (InvalidArgument e) {
        throw new InvalidArgument("invalid value for size: " + size);
      }
    }
    return new RunMount(type, w.apply(m.target()), w.apply(m.source()), m.from(),
        w.apply(m.id()), sharing, m.readonly(), mode, uid, gid, size, m.required(),
        w.apply(m.env())).withDefaults();
  }

  private static String checkNumber(String value, int radix, String key) {
    return value == null ? null : checkNumber(value, radix, key, false);
  }

  private static InvalidArgument unsupported(String msg, String value, List<String> options) {
    String hint = Suggest.closest(value, options, true);
    return new InvalidArgument(hint == null ? msg : msg + " (did you mean " + hint + "?)");
  }

  private static boolean parseBool(String key, String value) {
    return switch (value) {
      case "1", "t", "T", "true", "TRUE", "True" -> true;
      case "0", "f", "F", "false", "FALSE", "False" -> false;
      default -> throw new InvalidArgument("invalid value for " + key + ": " + value);
    };
  }

  private static String checkNumber(String value, int radix, String key, boolean deferred) {
    if (deferred) {
      return value;
    }
    try {
      long v = Long.parseLong(value, radix);
      if (v < 0 || v > 0xffffffffL || value.startsWith("+")) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new InvalidArgument("invalid value " + value + " for " + key);
    }
    return value;
  }

  /** Splits a CSV record: commas separate, double quotes group, {@code ""} is a quote. */
  static List<String> csvFields(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    int i = 0;
    int n = s.length();
    while (true) {
      if (i < n && s.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw new InvalidArgument("failed to parse csv mounts: extraneous or missing \" in quoted-field");
          }
          char c = s.charAt(i++);
          if (c == '"') {
            if (i < n && s.charAt(i) == '"') {
              f.append('"');
              i++;
              continue;
            }
            break;
          }
          f.append(c);
        }
        if (i < n && s.charAt(i) != ',') {
          throw new InvalidArgument("failed to parse csv mounts: extraneous or missing \" in quoted-field");
        }
      } else {
        while (i < n && s.charAt(i) != ',') {
          char c = s.charAt(i++);
          if (c == '"') {
            throw new InvalidArgument("failed to parse csv mounts: bare \" in non-quoted-field");
          }
          f.append(c);
        }
      }
      out.add(f.toString());
      f.setLength(0);
      if (i >= n) {
        return out;
      }
      i++; // the comma
    }
  }
}
