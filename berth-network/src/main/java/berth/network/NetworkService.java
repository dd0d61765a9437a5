package berth.network;

import berth.core.Ids;
import berth.core.errors.Conflict;
import berth.core.errors.Forbidden;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Networks for the engine. Lifecycle of a container's networking:
 *
 * <pre>
 * Path ns = net.createNetns(id);                       // before the OCI spec is written
 * Endpoint e = net.connect(id, ns, "mynet", req);      // before or after runc start
 * ... e.ipAddress(), e.ports() into inspect; ResolvConf/EtcHosts into the container's files
 * net.disconnect(id, "mynet", false);                  // on stop or network disconnect
 * net.removeNetns(id);                                 // on stop/remove
 * net.cleanupOrphans(liveIds);                         // once at daemon start
 * </pre>
 *
 * One lock guards metadata and address/port allocation; plugin runs happen outside it, guarded by
 * the endpoint file written first, so a crash mid-connect leaves a lease {@link #cleanupOrphans}
 * finds.
 */
public final class NetworkService implements AutoCloseable {
  private final NetworkConfig config;
  private final NetworkStore store;
  private final Ipam ipam;
  private final Netns netns;
  private final CniInvoker cni;
  private final Dns dns;
  private final ReentrantLock lock = new ReentrantLock();

  public NetworkService(NetworkConfig config) {
    this.config = config;
    this.store = new NetworkStore(config.stateDir().resolve("networks"));
    this.ipam = new Ipam(config.pools());
    this.netns = new Netns(config.netnsDir());
    this.cni = new CniInvoker(config.cniPluginDir(), config.stateDir().resolve("cni"));
    this.dns = new Dns(config.dnsPort(), config.dnsForwarders());
    createBuiltins();
    for (Network n : store.list()) {
      store.endpoints(n.id()).forEach(e -> dns.register(n, e));
    }
  }

  // ---- namespaces

  public Path createNetns(String containerId) {
    return netns.create(containerId);
  }

  public void removeNetns(String containerId) {
    netns.delete(containerId);
  }

  public Path netnsPath(String containerId) {
    return netns.path(containerId);
  }

  // ---- networks

  public Network create(NetworkCreateRequest r) {
    if (r.name() == null || !r.name().matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
      throw new InvalidArgument("invalid network name \"" + r.name() + "\"");
    }
    lock.lock();
    try {
      if (find(r.name()) != null) {
        throw new Conflict("network with name " + r.name() + " already exists");
      }
      return createLocked(Ids.newId(), r);
    } finally {
      lock.unlock();
    }
  }

  private Network createLocked(String id, NetworkCreateRequest r) {
    switch (r.driver()) {
      case "bridge", "macvlan", "ipvlan" -> { }
      case "host", "null" -> throw new Forbidden("only one instance of \"" + r.driver() + "\" network is allowed");
      default -> throw new NotFound("plugin \"" + r.driver() + "\" not found");
    }
    List<IpamConfig> pools = resolvePools(r);
    Map<String, String> opts = new HashMap<>(r.options());
    if (r.driver().equals("bridge")) {
      String br = opts.getOrDefault(Network.BRIDGE_NAME_OPTION, "br-" + id.substring(0, 12));
      if (br.length() > 15 || !br.matches("[a-zA-Z0-9_.-]+")) {
        throw new InvalidArgument("invalid bridge name " + br);
      }
      boolean clash = store.list().stream().anyMatch(o -> o.driver().equals("bridge") && o.bridgeName().equals(br));
      if (clash) {
        throw new Conflict("bridge name " + br + " is already in use by another network");
      }
    }
    Network n = new Network(id, r.name(), r.driver(), "local", Instant.now().toString(), r.internal(),
        r.attachable(), r.ipv6(), pools, opts, r.labels());
    store.put(n);
    cni.writeConflist(n);
    return n;
  }

  private List<IpamConfig> resolvePools(NetworkCreateRequest r) {
    List<Cidr> taken = new ArrayList<>(Ipam.parseRoutes(Command.check("ip", "-4", "route", "show")));
    for (Network o : store.list()) {
      o.ipam().forEach(c -> taken.add(Cidr.parse(c.subnet())));
    }
    for (IpamConfig c : r.ipam()) {
      if (c.subnet() != null && !c.subnet().isEmpty()) {
        try {
          Cidr.parse(c.subnet());
        } catch (InvalidArgument e) {
          // Docker's wording: "Invalid subnet 10.1.300.0/24 : invalid CIDR address: 10.1.300.0/24"
          throw new InvalidArgument("Invalid subnet " + c.subnet() + " : " + e.getMessage());
        }
      }
    }
    List<IpamConfig> out = new ArrayList<>();
    IpamConfig v4 = r.ipam().stream().filter(c -> c.subnet() == null || Cidr.parse(c.subnet()).isIpv4())
        .findFirst().orElse(null);
    out.add(ipam.resolve(v4, taken));
    for (IpamConfig c : r.ipam()) {
      if (c.subnet() != null && !Cidr.parse(c.subnet()).isIpv4()) {
        if (!r.ipv6()) {
          throw new InvalidArgument("IPv6 subnet " + c.subnet() + " given but IPv6 is not enabled on the network");
        }
        Cidr s = Cidr.parse(c.subnet());
        taken.stream().filter(t -> t.overlaps(s)).findAny().ifPresent(t -> {
          throw new Forbidden("Pool overlaps with other one on this address space");
        });
        out.add(Ipam.validate(c, s));
      }
    }
    return out;
  }

  public Network inspect(String ref) {
    lock.lock();
    try {
      return resolve(ref);
    } finally {
      lock.unlock();
    }
  }

  public List<Network> list() {
    return store.list();
  }

  /** Endpoints on a network, for inspect's {@code Containers}. */
  public List<Endpoint> endpoints(String networkRef) {
    return store.endpoints(inspect(networkRef).id());
  }

  /** Every endpoint of one container, across networks. */
  public List<Endpoint> endpointsOf(String containerId) {
    List<Endpoint> out = new ArrayList<>();
    for (Network n : store.list()) {
      store.endpoint(n.id(), containerId).ifPresent(out::add);
    }
    return out;
  }

  public void remove(String ref) {
    lock.lock();
    try {
      Network n = resolve(ref);
      if (n.predefined()) {
        throw new Forbidden(n.name() + " is a pre-defined network and cannot be removed");
      }
      if (!store.endpoints(n.id()).isEmpty()) {
        throw new Forbidden("error while removing network: network " + n.name() + " id " + n.id()
            + " has active endpoints");
      }
      teardown(n);
      store.delete(n.id());
    } finally {
      lock.unlock();
    }
  }

  /** Removes every unused user network {@code filter} accepts; returns the removed names. */
  public List<String> prune(Predicate<Network> filter) {
    List<String> removed = new ArrayList<>();
    lock.lock();
    try {
      for (Network n : store.list()) {
        if (!n.predefined() && filter.test(n) && store.endpoints(n.id()).isEmpty()) {
          teardown(n);
          store.delete(n.id());
          removed.add(n.name());
        }
      }
    } finally {
      lock.unlock();
    }
    return removed;
  }

  private void teardown(Network n) {
    dns.stop(n.id());
    if (n.driver().equals("bridge")) {
      Isolation.remove(n.bridgeName(), n.internal());
      if (Command.quiet("ip", "link", "show", n.bridgeName())) {
        Command.check("ip", "link", "del", n.bridgeName());
      }
    }
    cni.removeConflist(n);
  }

  // ---- endpoints

  /** Attaches a container's namespace to a network: address, interface, ports, DNS names. */
  public Endpoint connect(String containerId, Path netnsPath, String networkRef, EndpointRequest req) {
    Network n;
    Endpoint pending;
    lock.lock();
    try {
      n = resolve(networkRef);
      pending = reserve(n, containerId, netnsPath, req);
    } finally {
      lock.unlock();
    }
    CniResult result;
    try {
      if (n.driver().equals("bridge")) {
        Isolation.install(n.bridgeName(), n.internal());
      }
      CniInvoker.Attachment at = attachment(n, pending);
      result = at.ports().isEmpty() ? cni.add(n, at) : HostPortChains.whileInUse(() -> cni.add(n, at));
    } catch (RuntimeException e) {
      store.deleteEndpoint(n.id(), containerId);
      throw e;
    }
    String mac = result.containerMac() != null ? result.containerMac() : pending.macAddress();
    Endpoint done = new Endpoint(pending.endpointId(), n.id(), containerId, pending.containerName(),
        pending.hostname(), pending.aliases(), pending.ifName(), pending.ipAddress(), pending.prefixLen(),
        pending.gateway(), mac, pending.netnsPath(), pending.ports(), result.raw(), pending.dnsServers(),
        pending.links());
    store.putEndpoint(done);
    dns.register(n, done);
    return done;
  }

  private Endpoint reserve(Network n, String containerId, Path netnsPath, EndpointRequest req) {
    if (!n.plumbed()) {
      throw new Forbidden("container cannot be disconnected from host network or connected to host network");
    }
    if (store.endpoint(n.id(), containerId).isPresent()) {
      String name = req.containerName() == null ? containerId : req.containerName().replaceFirst("^/", "");
      throw new Forbidden("endpoint with name " + name + " already exists in network " + n.name());
    }
    IpamConfig pool = n.ipv4();
    Set<InetAddress> leased = new java.util.HashSet<>();
    store.endpoints(n.id()).forEach(e -> leased.add(Cidr.address(e.ipAddress())));
    InetAddress want = req.ipv4Address() == null || req.ipv4Address().isEmpty() ? null : Cidr.address(req.ipv4Address());
    InetAddress ip = Ipam.allocateAddress(n.name() + " (" + n.id() + ")", pool, leased, want);
    List<PortMapping> taken = new ArrayList<>();
    for (Network o : store.list()) {
      store.endpoints(o.id()).forEach(e -> taken.addAll(e.ports()));
    }
    // Docker ignores published ports on internal networks: there is no way in from outside
    List<PortSpec.Spec> specs = n.internal() ? List.of() : req.portBindings().stream()
        .map(p -> new PortSpec.Spec(p.hostIp(), p.hostPort(), p.hostPort(), p.containerPort(), p.protocol()))
        .toList();
    List<PortMapping> ports = config.ports().allocate(specs, taken);
    String mac = req.macAddress() != null && !req.macAddress().isEmpty() ? req.macAddress() : dockerMac(ip);
    Endpoint e = new Endpoint(Ids.newId(), n.id(), containerId, req.containerName(), req.hostname(),
        req.aliases(), nextIfName(containerId), ip.getHostAddress(), Cidr.parse(pool.subnet()).prefix(),
        pool.gateway(), mac, netnsPath.toString(), ports, null, req.dns(), req.links());
    store.putEndpoint(e);
    return e;
  }

  /** Docker 20.10 derives the MAC from the address: 02:42 then the four address bytes. */
  static String dockerMac(InetAddress ip) {
    byte[] b = ip.getAddress();
    return String.format("02:42:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3]);
  }

  private String nextIfName(String containerId) {
    Set<String> used = new java.util.HashSet<>();
    endpointsOf(containerId).forEach(e -> used.add(e.ifName()));
    for (int i = 0; ; i++) {
      if (!used.contains("eth" + i)) {
        return "eth" + i;
      }
    }
  }

  private CniInvoker.Attachment attachment(Network n, Endpoint e) {
    String mac = n.driver().equals("ipvlan") ? null : e.macAddress();
    return new CniInvoker.Attachment(e.containerId(), Path.of(e.netnsPath()), e.ifName(),
        e.ipAddress() + "/" + e.prefixLen(), e.gateway(), !n.internal(), mac, e.ports());
  }

  /**
   * Detaches a container; with {@code force} a plugin failure (the namespace already gone, say)
   * still releases the address and names.
   */
  public void disconnect(String containerId, String networkRef, boolean force) {
    Network n = inspect(networkRef);
    Endpoint e = store.endpoint(n.id(), containerId).orElseThrow(() -> new NotFound(
        "container " + containerId + " is not connected to network " + n.name()));
    try {
      cni.del(n, attachment(n, e), e.cniResult());
    } catch (RuntimeException ex) {
      if (!force) {
        // the lease stays, so a retry (or cleanupOrphans after a restart) can finish the job
        throw ex;
      }
    }
    if (n.driver().equals("bridge") && !n.internal()) {
      MasqueradeRules.remove(cni.conflist(n).path("name").asText(), containerId, e.ipAddress());
    }
    dns.unregister(n, containerId);
    store.deleteEndpoint(n.id(), containerId);
    if (!e.ports().isEmpty()) {
      HostPortChains.removeIfUnused();
    }
  }

  /** Detaches a container from every network it is on (stop, remove); plugin failures tolerated. */
  public void disconnectAll(String containerId) {
    for (Endpoint e : endpointsOf(containerId)) {
      disconnect(containerId, e.networkId(), true);
    }
  }

  /**
   * Start-up recovery: every endpoint and namespace of a container not in {@code live} is torn
   * down (plugin DEL, lease released, namespace unmounted), whatever state a crash left it in.
   */
  public void cleanupOrphans(Set<String> live) {
    for (Network n : store.list()) {
      for (Endpoint e : store.endpoints(n.id())) {
        if (!live.contains(e.containerId())) {
          disconnect(e.containerId(), n.id(), true);
        }
      }
    }
    for (String id : netns.list()) {
      if (!live.contains(id)) {
        netns.delete(id);
      }
    }
    HostPortChains.removeIfUnused();
  }

  /** The embedded DNS address for a container's resolv.conf on this network, or null (none). */
  public String dnsServerFor(String networkRef) {
    Network n = inspect(networkRef);
    return n.servesDns() ? n.ipv4().gateway() : null;
  }

  @Override
  public void close() {
    dns.close();
  }

  // ---- lookups

  private Network resolve(String ref) {
    Network n = find(ref);
    if (n == null) {
      throw new NotFound("network " + ref + " not found");
    }
    return n;
  }

  /** Docker's order: full id, then exact name, then a unique id prefix. */
  private Network find(String ref) {
    List<Network> all = store.list();
    for (Network n : all) {
      if (n.id().equals(ref)) {
        return n;
      }
    }
    for (Network n : all) {
      if (n.name().equals(ref)) {
        return n;
      }
    }
    List<Network> byPrefix = all.stream().filter(n -> !ref.isEmpty() && n.id().startsWith(ref)).toList();
    if (byPrefix.size() > 1) {
      throw new InvalidArgument("network " + ref + " is ambiguous (" + byPrefix.size() + " matches found based on ID prefix)");
    }
    return byPrefix.isEmpty() ? null : byPrefix.getFirst();
  }

  private void createBuiltins() {
    lock.lock();
    try {
      if (find("bridge") == null) {
        createLocked(Ids.newId(), Builtins.defaultBridge(config));
      }
      for (String name : List.of("host", "none")) {
        if (find(name) == null) {
          store.put(Builtins.plain(name));
        }
      }
    } finally {
      lock.unlock();
    }
  }
}
