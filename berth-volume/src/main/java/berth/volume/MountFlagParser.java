package berth.volume;

import berth.core.errors.InvalidArgument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Client-side parsing of `--mount` CSV and `--tmpfs` values into the shapes HostConfig carries.
 * Lives here, not in the CLI, so the CLI and the engine's tests share one definition; it only
 * checks syntax, the server's {@link MountParser} checks meaning.
 */
public final class MountFlagParser {
  private MountFlagParser() {}

  /** Parses "type=volume,src=x,dst=/y,..." into a Mounts entry. */
  public static MountSpec parseMountFlag(String value) {
    Builder b = new Builder();
    for (String field : splitCsv(value)) {
      int eq = field.indexOf('=');
      String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT).trim();
      String val = eq < 0 ? null : field.substring(eq + 1);
      if (val == null && !isBoolKey(key)) {
        throw new InvalidArgument("invalid field '" + field + "' must be a key=value pair");
      }
      b.set(key, val, field, value);
    }
    return b.build();
  }

  /** Parses one `--tmpfs` value "/path[:opts]" into a HostConfig.Tmpfs entry. */
  public static Map.Entry<String, String> parseTmpfsFlag(String value) {
    int colon = value.indexOf(':');
    String dest = colon < 0 ? value : value.substring(0, colon);
    String opts = colon < 0 ? "" : value.substring(colon + 1);
    return Map.entry(dest, opts);
  }

  private static boolean isBoolKey(String key) {
    return switch (key) {
      case "readonly", "ro", "volume-nocopy", "bind-nonrecursive", "bind-create-host-path" -> true;
      default -> false;
    };
  }

  private static boolean parseBool(String key, String val) {
    if (val == null) {
      return true;
    }
    return switch (val.toLowerCase(Locale.ROOT)) {
      case "1", "true", "t" -> true;
      case "0", "false", "f" -> false;
      default -> throw new InvalidArgument("invalid value for " + key + ": " + val);
    };
  }

  /** Splits on commas outside double quotes, as the CLI's csv reader does. */
  static List<String> splitCsv(String value) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (char c : value.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  private static final class Builder {
    String type = "volume";
    String source = "";
    String target = "";
    boolean readOnly;
    String propagation;
    boolean nonRecursive;
    boolean createHostPath;
    boolean bindSet;
    Boolean noCopy;
    String subpath;
    String driver;
    Map<String, String> labels;
    Map<String, String> driverOpts;
    boolean volumeSet;
    long tmpfsSize;
    int tmpfsMode;
    boolean tmpfsSet;

    void set(String key, String val, String field, String whole) {
      switch (key) {
        case "type" -> type = val;
        case "source", "src" -> source = val;
        case "target", "dst", "destination" -> target = val;
        case "readonly", "ro" -> readOnly = parseBool(key, val);
        case "bind-propagation" -> { bindSet = true; propagation = val.toLowerCase(Locale.ROOT); }
        case "bind-nonrecursive" -> { bindSet = true; nonRecursive = parseBool(key, val); }
        case "bind-recursive" -> {
          bindSet = true;
          switch (val) {
            case "enabled" -> nonRecursive = false;
            case "disabled" -> nonRecursive = true;
            default -> throw new InvalidArgument("invalid value for " + key + ": " + val
                + " (must be \"enabled\", \"disabled\", \"writable\", or \"readonly\")");
          }
        }
        case "bind-create-host-path" -> { bindSet = true; createHostPath = parseBool(key, val); }
        case "volume-nocopy" -> { volumeSet = true; noCopy = parseBool(key, val); }
        case "volume-subpath" -> { volumeSet = true; subpath = val; }
        case "volume-driver" -> { volumeSet = true; driver = val; }
        case "volume-label" -> { volumeSet = true; labels = put(labels, val); }
        case "volume-opt" -> { volumeSet = true; driverOpts = putKv(driverOpts, key, val); }
        case "tmpfs-size" -> { tmpfsSet = true; tmpfsSize = parseSize(key, val); }
        case "tmpfs-mode" -> { tmpfsSet = true; tmpfsMode = parseMode(key, val); }
        default -> throw new InvalidArgument("unexpected key '" + key + "' in '" + field + "'");
      }
    }

    MountSpec build() {
      MountType t = MountType.fromWire(type);
      if (t == null) {
        throw new InvalidArgument("invalid mount config for type \"" + type + "\": mount type unknown");
      }
      if (target.isEmpty()) {
        throw new InvalidArgument("target is required");
      }
      if (volumeSet && t != MountType.VOLUME) {
        throw new InvalidArgument("cannot mix 'volume-*' options with mount type '" + type + "'");
      }
      if (bindSet && t != MountType.BIND) {
        throw new InvalidArgument("cannot mix 'bind-*' options with mount type '" + type + "'");
      }
      if (tmpfsSet && t != MountType.TMPFS) {
        throw new InvalidArgument("cannot mix 'tmpfs-*' options with mount type '" + type + "'");
      }
      MountSpec.BindOptions bo = bindSet
          ? new MountSpec.BindOptions(propagation, nonRecursive, createHostPath) : null;
      MountSpec.VolumeOptions vo = volumeSet
          ? new MountSpec.VolumeOptions(noCopy != null && noCopy, labels, driver, driverOpts, subpath)
          : null;
      MountSpec.TmpfsOptions to = tmpfsSet ? new MountSpec.TmpfsOptions(tmpfsSize, tmpfsMode, null) : null;
      return new MountSpec(t, source, target, readOnly, bo, vo, to);
    }

    private static Map<String, String> put(Map<String, String> m, String kv) {
      Map<String, String> out = m == null ? new LinkedHashMap<>() : m;
      int eq = kv.indexOf('=');
      out.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
      return out;
    }

    private static Map<String, String> putKv(Map<String, String> m, String key, String kv) {
      if (kv.indexOf('=') < 0) {
        throw new InvalidArgument("invalid value for " + key + ": " + kv);
      }
      return put(m, kv);
    }
  }

  /** Parses a size like the CLI's RAMInBytes: digits with an optional b/k/m/g/t suffix (1024). */
  static long parseSize(String key, String val) {
    String s = val.trim().toLowerCase(Locale.ROOT);
    if (s.endsWith("ib")) {
      s = s.substring(0, s.length() - 2);
    } else if (s.endsWith("b") && s.length() > 1 && !Character.isDigit(s.charAt(s.length() - 2))) {
      s = s.substring(0, s.length() - 1);
    }
    long mult = 1;
    char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
    int idx = "bkmgtp".indexOf(last);
    if (idx >= 0) {
      mult = 1L << (10 * idx);
      s = s.substring(0, s.length() - 1);
    }
    try {
      double d = Double.parseDouble(s);
      if (d < 0) {
        throw new NumberFormatException();
      }
      return (long) (d * mult);
    } catch (NumberFormatException e) {
      throw new InvalidArgument("invalid value for " + key + ": " + val);
    }
  }

  private static int parseMode(String key, String val) {
    try {
      return Integer.parseInt(val, 8);
    } catch (NumberFormatException e) {
      throw new InvalidArgument("invalid value for " + key + ": " + val);
    }
  }
}
