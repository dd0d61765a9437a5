package berth.network;

import berth.core.errors.Internal;
import berth.core.errors.Unavailable;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Chooses and checks host ports. A port is taken if another Berth mapping holds it (same protocol,
 * same or wildcard address) or if a host process has it bound, which a trial bind finds out: the
 * kernel's DNAT would otherwise silently steal that process's traffic. Free ports for {@code -P}
 * come from the ephemeral range, as Docker's allocator does.
 */
public final class PortAllocator {
  private final int low;
  private final int high;
  private final Predicate<PortMapping> hostFree;
  private int cursor;

  public PortAllocator(int low, int high, Predicate<PortMapping> hostFree) {
    this.low = low;
    this.high = high;
    this.hostFree = hostFree;
    this.cursor = low;
  }

  /** The host's ephemeral range with a real trial bind. */
  public static PortAllocator forHost() {
    int lo = 32768;
    int hi = 60999;
    try {
      // readAllLines, not readString: the latter reads one byte of a procfs file on JDK 25
      String[] r = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
          .getFirst().trim().split("\\s+");
      lo = Integer.parseInt(r[0]);
      hi = Integer.parseInt(r[1]);
    } catch (IOException | RuntimeException e) {
      // keep Linux's defaults
    }
    return new PortAllocator(lo, hi, PortAllocator::canBind);
  }

  /** Resolves every mapping to a concrete host port, refusing one already taken. */
  public synchronized List<PortMapping> allocate(List<PortSpec.Spec> wanted, Collection<PortMapping> taken) {
    List<PortMapping> held = new ArrayList<>(taken);
    List<PortMapping> out = new ArrayList<>();
    for (PortSpec.Spec s : wanted) {
      PortMapping m;
      if (s.hostPort() != 0 && s.hostRangeEnd() <= s.hostPort()) {
        m = s.mapping();
        if (clashes(m, held) || !hostFree.test(m)) {
          throw new Internal("Bind for " + m.hostIpOrAny() + ":" + m.hostPort()
              + " failed: port is already allocated");
        }
      } else {
        int lo = s.hostPort() == 0 ? low : s.hostPort();
        int hi = s.hostPort() == 0 ? high : s.hostRangeEnd();
        m = pick(s.mapping(), lo, hi, held);
      }
      held.add(m);
      out.add(m);
    }
    return out;
  }

  private PortMapping pick(PortMapping base, int lo, int hi, List<PortMapping> held) {
    int span = hi - lo + 1;
    int start = cursor >= lo && cursor <= hi ? cursor : lo;
    for (int i = 0; i < span; i++) {
      int port = lo + Math.floorMod(start - lo + i, span);
      PortMapping m = base.withHostPort(port);
      if (!clashes(m, held) && hostFree.test(m)) {
        cursor = port + 1;
        return m;
      }
    }
    throw new Unavailable("no free host port in " + lo + "-" + hi + " for " + base.containerPort()
        + "/" + base.protocol());
  }

  static boolean clashes(PortMapping m, Collection<PortMapping> held) {
    for (PortMapping h : held) {
      if (h.hostPort() == m.hostPort() && h.protocol().equals(m.protocol())
          && (h.hostIp().isEmpty() || m.hostIp().isEmpty() || h.hostIp().equals(m.hostIp()))) {
        return true;
      }
    }
    return false;
  }

  static boolean canBind(PortMapping m) {
    InetSocketAddress at = m.hostIp().isEmpty()
        ? new InetSocketAddress(m.hostPort())
        : new InetSocketAddress(Cidr.address(m.hostIp()), m.hostPort());
    try {
      if (m.protocol().equals("udp")) {
        new DatagramSocket(at).close();
      } else {
        try (ServerSocket s = new ServerSocket()) {
          s.setReuseAddress(true);
          s.bind(at);
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
