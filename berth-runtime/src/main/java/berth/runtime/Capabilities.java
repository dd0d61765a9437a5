package berth.runtime;

import berth.core.errors.InvalidArgument;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Linux capability names as Docker takes them in --cap-add/--cap-drop, and how they combine. */
public final class Capabilities {
  /** What Docker grants a non-privileged container. */
  public static final List<String> DOCKER_DEFAULT = List.of(
      "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW",
      "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
      "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");

  /** Every capability, in kernel order (0..40). */
  public static final List<String> ALL = List.of(
      "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
      "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
      "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER",
      "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT",
      "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME",
      "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL",
      "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM",
      "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE");

  private Capabilities() {}

  /**
   * "net_admin", "NET_ADMIN" and "CAP_NET_ADMIN" all name CAP_NET_ADMIN; "ALL" stays "ALL".
   * Unknown names fail with Docker's message: {@code unknown capability: "CAP_FOO"}.
   */
  public static String normalize(String name) {
    String n = name.strip().toUpperCase(Locale.ROOT);
    if (n.equals("ALL")) {
      return n;
    }
    if (!n.startsWith("CAP_")) {
      n = "CAP_" + n;
    }
    if (!ALL.contains(n)) {
      throw new InvalidArgument("unknown capability: \"" + n + "\"");
    }
    return n;
  }

  /**
   * Every capability this process may grant: ALL limited to our bounding set. Docker grants every
   * capability the kernel knows, which fails with "unable to apply caps" when the daemon itself runs
   * with a reduced bounding set (nested in a container); like Podman we grant what we hold.
   */
  public static List<String> available() {
    long bounding = boundingSet();
    List<String> caps = new ArrayList<>();
    for (int i = 0; i < ALL.size(); i++) {
      if ((bounding & (1L << i)) != 0) {
        caps.add(ALL.get(i));
      }
    }
    return caps;
  }

  private static long boundingSet() {
    try {
      for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
        if (line.startsWith("CapBnd:")) {
          return Long.parseUnsignedLong(line.substring(7).strip(), 16);
        }
      }
    } catch (java.io.IOException | NumberFormatException e) {
      // fall through: assume everything
    }
    return -1L;
  }

  public static List<String> normalize(List<String> names) {
    Set<String> out = new LinkedHashSet<>();
    if (names != null) {
      for (String n : names) {
        out.add(normalize(n));
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * The capability set after --privileged, --cap-add and --cap-drop, as Docker computes it:
   * privileged gets all ({@link #available()}); "ALL" in adds means all but the drops; "ALL" in drops means only the adds;
   * otherwise base minus drops plus adds.
   */
  public static List<String> resolve(List<String> base, List<String> add, List<String> drop, boolean privileged) {
    if (privileged) {
      return available();
    }
    List<String> adds = normalize(add);
    List<String> drops = normalize(drop);
    Set<String> caps = new LinkedHashSet<>();
    if (adds.contains("ALL")) {
      available().stream().filter(c -> !drops.contains(c)).forEach(caps::add);
    } else if (drops.contains("ALL")) {
      caps.addAll(adds);
    } else {
      base.stream().filter(c -> !drops.contains(c)).forEach(caps::add);
      caps.addAll(adds);
    }
    return new ArrayList<>(caps);
  }
}
