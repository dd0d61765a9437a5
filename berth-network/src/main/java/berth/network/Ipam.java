package berth.network;

import berth.core.errors.Forbidden;
import berth.core.errors.InvalidArgument;
import berth.core.errors.Unavailable;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Address management, pure logic: picks subnets for new networks and addresses for endpoints.
 * Knows nothing of files or devices; the caller passes what is taken (host routes, other
 * networks' subnets, leased addresses) and persists what comes back.
 */
public final class Ipam {
  private final List<AddressPool> pools;

  public Ipam(List<AddressPool> pools) {
    this.pools = List.copyOf(pools);
  }

  /**
   * The effective IPv4 pool for a new network: the user's one checked (gateway, range and aux
   * addresses inside the subnet, no overlap with {@code taken}), or the first free subnet from the
   * pools. The gateway defaults to the first address, as in Docker.
   */
  public IpamConfig resolve(IpamConfig requested, Collection<Cidr> taken) {
    if (requested == null || requested.subnet() == null || requested.subnet().isEmpty()) {
      if (requested != null && (requested.gateway() != null || requested.ipRange() != null)) {
        throw new InvalidArgument("gateway or ip-range given without a subnet");
      }
      Cidr subnet = allocateSubnet(taken);
      return new IpamConfig(subnet.toString(), null, Cidr.format(subnet.at(1)), Map.of());
    }
    Cidr subnet;
    try {
      subnet = Cidr.parse(requested.subnet());
    } catch (InvalidArgument e) {
      // Docker's wording: "Invalid subnet 10.1.300.0/24 : invalid CIDR address: 10.1.300.0/24"
      throw new InvalidArgument("Invalid subnet " + requested.subnet() + " : " + e.getMessage());
    }
    for (Cidr t : taken) {
      if (t.overlaps(subnet)) {
        throw new Forbidden("Pool overlaps with other one on this address space");
      }
    }
    return validate(requested, subnet);
  }

  /** Checks a user-given pool against its subnet; also used for IPv6 pools. */
  public static IpamConfig validate(IpamConfig requested, Cidr subnet) {
    String range = null;
    if (requested.ipRange() != null && !requested.ipRange().isEmpty()) {
      Cidr r = Cidr.parse(requested.ipRange());
      if (!subnet.contains(r)) {
        throw new InvalidArgument("no matching subnet for range " + requested.ipRange());
      }
      range = r.toString();
    }
    String gw;
    if (requested.gateway() == null || requested.gateway().isEmpty()) {
      gw = Cidr.format(subnet.at(1));
    } else {
      InetAddress g = Cidr.address(requested.gateway());
      if (!subnet.contains(g)) {
        throw new InvalidArgument("no matching subnet for gateway " + requested.gateway());
      }
      gw = Cidr.format(g);
    }
    for (var aux : requested.auxAddresses().entrySet()) {
      if (!subnet.contains(Cidr.address(aux.getValue()))) {
        throw new InvalidArgument("no matching subnet for aux-address " + aux.getValue());
      }
    }
    return new IpamConfig(subnet.toString(), range, gw, requested.auxAddresses());
  }

  /** First subnet from the pools that overlaps nothing taken. */
  public Cidr allocateSubnet(Collection<Cidr> taken) {
    for (AddressPool pool : pools) {
      Cidr c = new Cidr(pool.base().base(), pool.size(), pool.base().bits());
      while (c != null && pool.base().contains(c)) {
        Cidr candidate = c;
        Cidr clash = taken.stream().filter(t -> t.overlaps(candidate)).findFirst().orElse(null);
        if (clash == null) {
          return c;
        }
        c = skipPast(c, clash);
      }
    }
    throw new Unavailable(
        "could not find an available, non-overlapping IPv4 address pool among the defaults to assign to the network");
  }

  /** Jumps over a clash bigger than one candidate instead of testing each subnet inside it. */
  private static Cidr skipPast(Cidr c, Cidr clash) {
    BigInteger next = clash.last().add(BigInteger.ONE).max(c.base().add(c.size()));
    BigInteger aligned = next.add(c.size()).subtract(BigInteger.ONE).divide(c.size()).multiply(c.size());
    return aligned.bitLength() > c.bits() ? null : new Cidr(aligned, c.prefix(), c.bits());
  }

  /**
   * An address for an endpoint: {@code requested} if given (inside the subnet and free), else the
   * lowest free one inside the ip-range (or subnet), never the network address, broadcast,
   * gateway, an aux address or a leased one.
   */
  public static InetAddress allocateAddress(
      String networkLabel, IpamConfig pool, Set<InetAddress> leased, InetAddress requested) {
    Cidr subnet = Cidr.parse(pool.subnet());
    Set<InetAddress> reserved = reserved(pool);
    if (requested != null) {
      if (!subnet.contains(requested)) {
        throw new InvalidArgument("invalid address " + requested.getHostAddress()
            + ": It does not belong to any of this network's subnets");
      }
      if (leased.contains(requested) || reserved.contains(requested)) {
        throw new Forbidden("Address already in use");
      }
      return requested;
    }
    Cidr range = pool.ipRange() == null ? subnet : Cidr.parse(pool.ipRange());
    BigInteger size = range.size();
    // Scanning is linear in leases, not in the range: leases are few, ranges may be /8.
    long limit = size.min(BigInteger.valueOf(leased.size() + reserved.size() + 3)).longValueExact();
    for (long i = 0; i < limit; i++) {
      InetAddress a = range.at(i);
      if (!leased.contains(a) && !reserved.contains(a) && !isNetworkOrBroadcast(subnet, a)) {
        return a;
      }
    }
    throw new Unavailable("no available IPv4 addresses on this network's address pools: " + networkLabel);
  }

  private static Set<InetAddress> reserved(IpamConfig pool) {
    Set<InetAddress> out = new HashSet<>();
    if (pool.gateway() != null) {
      out.add(Cidr.address(pool.gateway()));
    }
    pool.auxAddresses().values().forEach(v -> out.add(Cidr.address(v)));
    return out;
  }

  private static boolean isNetworkOrBroadcast(Cidr subnet, InetAddress a) {
    if (!subnet.isIpv4() || subnet.prefix() >= 31) {
      return false;
    }
    BigInteger v = Cidr.toInt(a);
    return v.equals(subnet.base()) || v.equals(subnet.last());
  }

  /** Every prefix in {@code routes} lines of {@code ip -4 route} output, default route excluded. */
  public static List<Cidr> parseRoutes(String ipRouteOutput) {
    List<Cidr> out = new ArrayList<>();
    for (String line : ipRouteOutput.split("\n")) {
      String first = line.trim().split("\\s+")[0];
      if (first.isEmpty() || first.equals("default") || first.equals("unreachable")
          || first.equals("broadcast") || first.equals("local")) {
        continue;
      }
      try {
        out.add(Cidr.parse(first.contains("/") ? first : first + "/32"));
      } catch (InvalidArgument e) {
        // a route type we do not model (blackhole, multicast): it claims no pool space
      }
    }
    return out;
  }
}
