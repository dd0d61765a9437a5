package berth.volume;

import berth.core.errors.InvalidArgument;
import berth.core.linux.Syscalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The local driver's `-o type= -o device= -o o=` options: validation at create time and the
 * mount(2) call they turn into at first use. Parsing `o` into flags and data is written here
 * because mount(2) wants them split and no library on our classpath does it.
 */
final class LocalDriverOptions {
  private static final Set<String> KEYS = Set.of("type", "device", "o");

  private LocalDriverOptions() {}

  /** Refuses what Docker's local driver refuses, with its wording. */
  static void validate(Map<String, String> opts) {
    if (opts == null || opts.isEmpty()) {
      return;
    }
    for (String k : opts.keySet()) {
      if (!KEYS.contains(k)) {
        throw new InvalidArgument("invalid option: \"" + k + "\"");
      }
    }
    if (opts.containsKey("type") != opts.containsKey("device") && !isBind(opts)) {
      String missing = opts.containsKey("type") ? "device" : "type";
      throw new InvalidArgument("missing required option: \"" + missing + "\"");
    }
  }

  /** True when the volume needs a mount of its own rather than a plain directory. */
  static boolean needsMount(Map<String, String> opts) {
    return opts != null && (opts.containsKey("type") || opts.containsKey("device"));
  }

  static boolean isBind(Map<String, String> opts) {
    String o = opts.getOrDefault("o", "");
    return List.of(o.split(",")).contains("bind") || List.of(o.split(",")).contains("rbind");
  }

  /** Mounts the volume's device on target as the local driver does. */
  static void mount(Map<String, String> opts, String target) throws java.io.IOException {
    long flags = 0;
    List<String> data = new ArrayList<>();
    for (String o : opts.getOrDefault("o", "").split(",")) {
      long f = flag(o);
      if (f != 0) {
        flags |= f;
      } else if (!o.isEmpty() && !o.equals("rw") && !o.equals("defaults")) {
        data.add(o);
      }
    }
    String type = opts.getOrDefault("type", "none");
    String device = opts.getOrDefault("device", type);
    boolean bind = (flags & Syscalls.MS_BIND) != 0;
    boolean ro = (flags & Syscalls.MS_RDONLY) != 0;
    Syscalls.mount(device, target, bind ? null : type, bind ? flags & ~Syscalls.MS_RDONLY : flags,
        data.isEmpty() || bind ? null : String.join(",", data));
    if (bind && ro) {
      // a bind mount ignores MS_RDONLY on the first call: remount to make it read-only
      Syscalls.mount(null, target, null, Syscalls.MS_REMOUNT | Syscalls.MS_BIND | Syscalls.MS_RDONLY,
          null);
    }
  }

  private static long flag(String o) {
    return switch (o) {
      case "ro" -> Syscalls.MS_RDONLY;
      case "nosuid" -> Syscalls.MS_NOSUID;
      case "nodev" -> Syscalls.MS_NODEV;
      case "noexec" -> Syscalls.MS_NOEXEC;
      case "bind" -> Syscalls.MS_BIND;
      case "rbind" -> Syscalls.MS_BIND | Syscalls.MS_REC;
      default -> 0;
    };
  }
}
