package berth.network;

import java.util.List;

/**
 * Berth's own filter rules, Docker's two-stage scheme: traffic entering from one Berth bridge and
 * leaving by another is dropped (BERTH-ISOLATION-1 sends it to -2, which drops it by out-bridge),
 * an internal network's bridge exchanges nothing with any other interface, and traffic of Berth
 * bridges is accepted even where FORWARD's policy is DROP. Rules are per bridge name, installed at a
 * network's first connect and removed with the network; the chains go when they are empty, so a
 * host with no Berth network carries no Berth rule.
 */
final class Isolation {
  static final String FORWARD = "BERTH-FORWARD";
  static final String STAGE1 = "BERTH-ISOLATION-1";
  static final String STAGE2 = "BERTH-ISOLATION-2";

  /** Bridges whose rules this process has checked; spares ~10 iptables runs per connect. */
  private static final java.util.Set<String> INSTALLED = new java.util.HashSet<>();

  private Isolation() {}

  static synchronized void install(String bridge, boolean internal) {
    if (INSTALLED.contains(bridge)) {
      return;
    }
    ensureChains();
    for (List<String> rule : rules(bridge, internal)) {
      if (!Command.quiet(cmd("-C", rule))) {
        Command.check(cmd("-A", rule));
      }
    }
    INSTALLED.add(bridge);
  }

  static synchronized void remove(String bridge, boolean internal) {
    INSTALLED.remove(bridge);
    if (!Command.quiet("iptables", "-w", "-n", "-L", FORWARD)) {
      return;
    }
    for (List<String> rule : rules(bridge, internal)) {
      while (Command.quiet(cmd("-D", rule))) {
        // a rule may have been added twice by a crash between check and append
      }
    }
    removeChainsIfUnused();
  }

  private static List<List<String>> rules(String br, boolean internal) {
    if (internal) {
      return List.of(
          List.of(STAGE1, "-i", br, "!", "-o", br, "-j", "DROP"),
          List.of(STAGE1, "-o", br, "!", "-i", br, "-j", "DROP"),
          List.of(FORWARD, "-i", br, "-o", br, "-j", "ACCEPT"));
    }
    return List.of(
        List.of(STAGE1, "-i", br, "!", "-o", br, "-j", STAGE2),
        List.of(STAGE2, "-o", br, "-j", "DROP"),
        List.of(FORWARD, "-i", br, "-j", "ACCEPT"),
        List.of(FORWARD, "-o", br, "-j", "ACCEPT"));
  }

  private static void ensureChains() {
    for (String c : List.of(FORWARD, STAGE1, STAGE2)) {
      if (!Command.quiet("iptables", "-w", "-n", "-L", c)) {
        Command.check("iptables", "-w", "-N", c);
      }
    }
    List<String> jumpStage1 = List.of(FORWARD, "-j", STAGE1);
    if (!Command.quiet(cmd("-C", jumpStage1))) {
      Command.check("iptables", "-w", "-I", FORWARD, "1", "-j", STAGE1);
    }
    if (!Command.quiet("iptables", "-w", "-C", "FORWARD", "-j", FORWARD)) {
      Command.check("iptables", "-w", "-I", "FORWARD", "1", "-j", FORWARD);
    }
  }

  private static void removeChainsIfUnused() {
    String s1 = Command.check("iptables", "-w", "-S", STAGE1);
    String s2 = Command.check("iptables", "-w", "-S", STAGE2);
    String fw = Command.check("iptables", "-w", "-S", FORWARD);
    if (s1.lines().count() > 1 || s2.lines().count() > 1 || fw.lines().count() > 2) {
      return;
    }
    while (Command.quiet("iptables", "-w", "-D", "FORWARD", "-j", FORWARD)) {
      // drop every jump, duplicates included
    }
    Command.quiet("iptables", "-w", "-F", FORWARD);
    for (String c : List.of(FORWARD, STAGE1, STAGE2)) {
      Command.quiet("iptables", "-w", "-X", c);
    }
  }

  private static String[] cmd(String op, List<String> rule) {
    String[] out = new String[rule.size() + 3];
    out[0] = "iptables";
    out[1] = "-w";
    out[2] = op;
    for (int i = 0; i < rule.size(); i++) {
      out[i + 3] = rule.get(i);
    }
    return out;
  }
}
