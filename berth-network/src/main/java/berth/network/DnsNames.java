package berth.network;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The names one network answers: every endpoint's container name, short id, hostname and
 * aliases. Several endpoints may share a name (a Compose service's replicas); each lookup starts
 * the answer one further along, so clients that take the first address spread their connections.
 */
public final class DnsNames {
  private final Map<String, List<Entry>> byName = new LinkedHashMap<>();
  private final AtomicInteger turn = new AtomicInteger();
  private final Map<InetAddress, List<InetSocketAddress>> upstreams = new LinkedHashMap<>();
  /** Per container: its {@code --link} aliases on this network, alias to target name. */
  private final Map<String, Map<String, String>> links = new LinkedHashMap<>();

  private record Entry(String containerId, InetAddress address) {}

  /** The names of the other networks a container is on (set by {@link Dns}); none by default. */
  private volatile java.util.function.Function<String, List<DnsNames>> peers = id -> List.of();

  void peers(java.util.function.Function<String, List<DnsNames>> peers) {
    this.peers = peers;
  }

  public synchronized void add(Endpoint e) {
    InetAddress a = Cidr.address(e.ipAddress());
    if (!e.dnsServers().isEmpty()) {
      upstreams.put(a, e.dnsServers().stream().map(s -> new InetSocketAddress(Cidr.address(s), 53)).toList());
    }
    for (String n : e.dnsNames()) {
      byName.computeIfAbsent(key(n), k -> new ArrayList<>()).add(new Entry(e.containerId(), a));
    }
    if (!e.linkAliases().isEmpty()) {
      links.put(e.containerId(), e.linkAliases());
    }
  }

  /** The target a container's {@code --link} alias names on this network, or null. */
  public synchronized String linkTarget(String containerId, String alias) {
    Map<String, String> m = links.get(containerId);
    return m == null ? null : m.get(key(alias));
  }

  public synchronized void remove(String containerId) {
    byName.values().forEach(l -> l.stream().filter(x -> x.containerId().equals(containerId))
        .forEach(x -> upstreams.remove(x.address())));
    byName.values().forEach(l -> l.removeIf(x -> x.containerId().equals(containerId)));
    links.remove(containerId);
    byName.values().removeIf(List::isEmpty);
  }

  /** Addresses for {@code name} (case-insensitive, trailing dot ignored), rotated per call. */
  public synchronized List<InetAddress> lookup(String name) {
    List<Entry> l = byName.get(key(name));
    if (l == null || l.isEmpty()) {
      return List.of();
    }
    List<InetAddress> out = new ArrayList<>(l.size());
    int start = Math.floorMod(turn.getAndIncrement(), l.size());
    for (int i = 0; i < l.size(); i++) {
      out.add(l.get((start + i) % l.size()).address());
    }
    return out;
  }

  /**
   * What the container at {@code client} finds for {@code name}: this network's names first, then
   * those of the other networks it is connected to (Docker's embedded DNS answers for every
   * network a container shares with another, whichever DNS address it asked).
   */
  public List<InetAddress> lookupFor(InetAddress client, String name) {
    List<InetAddress> own = lookup(name);
    if (!own.isEmpty()) {
      return own;
    }
    String id = containerAt(client);
    if (id == null) {
      return own;
    }
    // a --link alias of this container, on the network that holds the link
    List<DnsNames> mine = new ArrayList<>(List.of(this));
    peers.apply(id).stream().filter(x -> x != this).forEach(mine::add);
    for (DnsNames d : mine) {
      String target = d.linkTarget(id, name);
      if (target != null) {
        List<InetAddress> found = d.lookup(target);
        if (!found.isEmpty()) {
          return found;
        }
      }
    }
    for (DnsNames other : peers.apply(id)) {
      if (other != this) {
        List<InetAddress> found = other.lookup(name);
        if (!found.isEmpty()) {
          return found;
        }
      }
    }
    return List.of();
  }

  /** The container holding {@code address} on this network, or null. */
  public synchronized String containerAt(InetAddress address) {
    for (List<Entry> l : byName.values()) {
      for (Entry e : l) {
        if (e.address().equals(address)) {
          return e.containerId();
        }
      }
    }
    return null;
  }

  /** Whether a container has names on this network. */
  public synchronized boolean has(String containerId) {
    return byName.values().stream().anyMatch(l -> l.stream().anyMatch(e -> e.containerId().equals(containerId)));
  }

  /** The {@code --dns} servers of the container at {@code client}, or empty for the defaults. */
  public synchronized List<InetSocketAddress> upstreamsFor(InetAddress client) {
    return upstreams.getOrDefault(client, List.of());
  }

  public synchronized boolean isEmpty() {
    return byName.isEmpty();
  }

  private static String key(String n) {
    String k = n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    return k.toLowerCase(Locale.ROOT);
  }
}
