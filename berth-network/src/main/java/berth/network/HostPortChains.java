package berth.network;

/**
 * The portmap plugin's shared nat chains (CNI-HOSTPORT-DNAT, -SETMARK, -MASQ) and their jumps stay
 * after its last DEL; portmap makes them again on the next ADD. Berth removes them once no
 * mapping is left in them, so a host without published ports carries no rule of ours. Another
 * CNI user on the host with a mapping keeps them alive: they are removed only when empty.
 */
final class HostPortChains {
  private static final String DNAT = "CNI-HOSTPORT-DNAT";
  private static final String MASQ = "CNI-HOSTPORT-MASQ";
  private static final String MARK = "CNI-HOSTPORT-SETMARK";

  /**
   * Plugin runs that may (re)create the chains hold it shared; removal holds it exclusively, so a
   * chain is never dropped between portmap creating it and adding its first rule.
   */
  private static final java.util.concurrent.locks.ReentrantReadWriteLock LOCK =
      new java.util.concurrent.locks.ReentrantReadWriteLock();

  private HostPortChains() {}

  static <T> T whileInUse(java.util.function.Supplier<T> pluginRun) {
    LOCK.readLock().lock();
    try {
      return pluginRun.get();
    } finally {
      LOCK.readLock().unlock();
    }
  }

  static void removeIfUnused() {
    LOCK.writeLock().lock();
    try {
      removeLocked();
    } finally {
      LOCK.writeLock().unlock();
    }
  }

  private static void removeLocked() {
    if (!Command.quiet("iptables", "-w", "-t", "nat", "-n", "-L", DNAT)) {
      return;
    }
    if (Command.check("iptables", "-w", "-t", "nat", "-S", DNAT).lines().count() > 1) {
      return;
    }
    while (Command.quiet("iptables", "-w", "-t", "nat", "-D", "PREROUTING", "-m", "addrtype", "--dst-type", "LOCAL", "-j", DNAT)) {
      // every copy of the jump
    }
    while (Command.quiet("iptables", "-w", "-t", "nat", "-D", "OUTPUT", "-m", "addrtype", "--dst-type", "LOCAL", "-j", DNAT)) {
      // every copy of the jump
    }
    while (Command.quiet("iptables", "-w", "-t", "nat", "-D", "POSTROUTING", "-m", "comment", "--comment",
        "CNI portfwd requiring masquerade", "-j", MASQ)) {
      // every copy of the jump
    }
    for (String c : new String[] {DNAT, MASQ, MARK}) {
      Command.quiet("iptables", "-w", "-t", "nat", "-F", c);
      Command.quiet("iptables", "-w", "-t", "nat", "-X", c);
    }
  }
}
