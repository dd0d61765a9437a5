package berth.network;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The embedded DNS servers of all user-defined networks, started at a network's first endpoint. */
final class Dns implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Dns.class.getName());
  private final int port;
  private final List<InetSocketAddress> forwarders;
  private final Map<String, DnsNames> names = new ConcurrentHashMap<>();
  private final Map<String, DnsServer> servers = new ConcurrentHashMap<>();

  Dns(int port, List<InetSocketAddress> forwarders) {
    this.port = port;
    this.forwarders = forwarders;
  }

  synchronized void register(Network n, Endpoint e) {
    if (!n.servesDns() || e.ipAddress() == null) {
      return;
    }
    names.computeIfAbsent(n.id(), k -> {
      DnsNames d = new DnsNames();
      d.peers(this::namesOf);
      return d;
    }).add(e);
    if (!servers.containsKey(n.id())) {
      try {
        servers.put(n.id(), new DnsServer(Cidr.address(n.ipv4().gateway()), port, names.get(n.id()), forwarders));
      } catch (IOException ex) {
        // The gateway address appears with the bridge at the first endpoint; if it is still not
        // there, names cannot be served but the container works, so warn rather than fail.
        LOG.log(Level.WARNING, "embedded DNS for network " + n.name() + " not started", ex);
      }
    }
  }

  synchronized void unregister(Network n, String containerId) {
    DnsNames d = names.get(n.id());
    if (d != null) {
      d.remove(containerId);
    }
  }

  /** The names of every network {@code containerId} is registered on. */
  List<DnsNames> namesOf(String containerId) {
    return names.values().stream().filter(d -> d.has(containerId)).toList();
  }

  /** The names of a network, for tests and diagnostics. */
  DnsNames names(String networkId) {
    return names.get(networkId);
  }

  synchronized void stop(String networkId) {
    DnsServer s = servers.remove(networkId);
    if (s != null) {
      s.close();
    }
    names.remove(networkId);
  }

  @Override
  public synchronized void close() {
    servers.values().forEach(DnsServer::close);
    servers.clear();
  }
}
