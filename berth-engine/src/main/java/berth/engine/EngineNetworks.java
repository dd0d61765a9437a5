package berth.engine;

import berth.api.model.EndpointSettings;
import berth.api.model.NetworkingConfig;
import berth.core.errors.Forbidden;
import berth.core.errors.NotFound;
import berth.network.Endpoint;
import berth.network.EndpointRequest;
import berth.network.Network;
import berth.network.NetworkCreateRequest;
import berth.network.NetworkService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The engine's network service for the API: networks over {@link NetworkService}, plus what needs
 * containers (connect/disconnect of running and stopped containers, events). Records of
 * berth-network are the boundary here; the API turns them into Docker's JSON.
 */
public final class EngineNetworks {
  private final EngineContext ctx;

  EngineNetworks(EngineContext ctx) {
    this.ctx = ctx;
  }

  private NetworkService net() {
    NetworkService n = ctx.networking().service();
    if (n == null) {
      throw new NotFound("networking is not enabled in this engine");
    }
    return n;
  }

  public List<Network> list() {
    return net().list();
  }

  public Network inspect(String ref) {
    return net().inspect(ref);
  }

  /** Endpoints on the network, each with the container's current name. */
  public List<Endpoint> endpoints(String ref) {
    List<Endpoint> out = new ArrayList<>();
    for (Endpoint e : net().endpoints(ref)) {
      String name = ctx.registry().byId(e.containerId()).map(c -> c.record().shortName()).orElse(e.containerName());
      out.add(new Endpoint(e.endpointId(), e.networkId(), e.containerId(), name, e.hostname(), e.aliases(),
          e.ifName(), e.ipAddress(), e.prefixLen(), e.gateway(), e.macAddress(), e.netnsPath(), e.ports(),
          e.cniResult(), e.dnsServers()));
    }
    return out;
  }

  public Network create(NetworkCreateRequest r) {
    Network n = net().create(r);
    ctx.events().network(n.id(), n.name(), n.driver(), "create", null);
    return n;
  }

  /** Docker refuses (409) while running containers are attached; stopped ones do not count. */
  public void remove(String ref) {
    Network n = net().inspect(ref);
    if (!n.predefined() && !net().endpoints(n.id()).isEmpty()) {
      throw new berth.core.errors.Conflict("error while removing network: network " + n.name() + " id " + n.id()
          + " has active endpoints");
    }
    net().remove(n.id());
    ctx.events().network(n.id(), n.name(), n.driver(), "destroy", null);
  }

  public List<String> prune(Predicate<Network> filter) {
    List<Network> before = net().list();
    Predicate<Network> unused = n -> ctx.registry().all().stream().noneMatch(c -> ContainerNetworking
        .networksOf(c.record().hostConfig(), c.record().networking()).stream()
        .anyMatch(x -> x.equals(n.name()) || x.equals(n.id())));
    List<String> removed = net().prune(filter.and(unused));
    for (Network n : before) {
      if (removed.contains(n.name())) {
        ctx.events().network(n.id(), n.name(), n.driver(), "destroy", null);
      }
    }
    return removed;
  }

  /**
   * Prune's {@code until} filter: networks created before a Unix timestamp, an RFC 3339 time or a
   * Go duration ago, as Docker parses it.
   */
  public Predicate<Network> createdBefore(String until) {
    long limit = PruneFilters.parseUntil(until);
    return n -> berth.api.model.DockerTime.toNanos(berth.api.model.DockerTime.parse(n.created())) < limit;
  }

  /** Connects a container: a running one at once, a stopped one at its next start. */
  public void connect(String networkRef, String containerRef, EndpointSettings settings) {
    Network n = net().inspect(networkRef);
    Container c = ctx.registry().resolve(containerRef);
    c.lock.lock();
    try {
      ContainerRecord r = c.record();
      NetworkMode mode = NetworkMode.parse(r.hostConfig().networkMode());
      boolean up = r.state().status() == ContainerStatus.RUNNING || r.state().status() == ContainerStatus.PAUSED;
      boolean rejoin = mode instanceof NetworkMode.None && disconnectedFromAll(r, up);
      if (rejoin) {
        // disconnect() leaves a container taken off its primary network in "none" with no endpoints;
        // Docker keeps such a container connectable (docker-compose v1 disconnects and reconnects
        // the primary network of every container it creates), so it joins this network as primary
        r = r.withHostConfig(r.hostConfig().toBuilder().networkMode(n.name()).build());
        mode = NetworkMode.parse(n.name());
      }
      if (mode instanceof NetworkMode.None) {
        throw new Forbidden("container cannot be connected to multiple networks with one of the networks in private (none) mode");
      }
      if (!(mode instanceof NetworkMode.Attached)) {
        throw new Forbidden("container cannot be disconnected from host network or connected to host network");
      }
      List<String> current = ContainerNetworking.networksOf(r.hostConfig(), r.networking());
      boolean already = !rejoin && current.stream().anyMatch(x -> x.equals(n.name()) || x.equals(n.id()));
      if (already && (!up || net().endpointsOf(r.id()).stream().anyMatch(e -> e.networkId().equals(n.id())))) {
        throw new Forbidden("endpoint with name " + r.shortName() + " already exists in network " + n.name());
      }
      if (up) {
        List<String> aliases = settings == null || settings.aliases() == null ? List.of() : settings.aliases();
        String ip = settings == null || settings.ipamConfig() == null ? null : settings.ipamConfig().ipv4Address();
        boolean user = !n.name().equals("bridge");
        List<String> links = user && settings != null && settings.links() != null ? settings.links() : List.of();
        Endpoint e = net().connect(r.id(), net().netnsPath(r.id()), n.id(), new EndpointRequest(r.name(),
            user ? r.config().hostname() : null, user ? aliases : List.of(), ip, null, null, r.hostConfig().dns(),
            links));
        ctx.networking().event(e, "connect");
      }
      if (!already) {
        Map<String, EndpointSettings> eps = r.networking() == null || r.networking().endpointsConfig() == null
            ? new LinkedHashMap<>() : new LinkedHashMap<>(r.networking().endpointsConfig());
        eps.put(n.name(), settings == null ? new EndpointSettings(null, null, null, null, null, n.id(), null, null,
            null, null, null, null, null, null) : settings);
        ContainerRecord updated = r.withNetworking(new NetworkingConfig(eps));
        c.update(updated);
        ctx.store().put(updated);
        r = updated;
      }
      if (up) {
        refreshFiles(r);
      }
    } finally {
      c.lock.unlock();
    }
  }

  public void disconnect(String networkRef, String containerRef, boolean force) {
    Network n = net().inspect(networkRef);
    Container c;
    try {
      c = ctx.registry().resolve(containerRef);
    } catch (NotFound e) {
      if (force) {
        // Docker's -f also clears endpoints of containers that no longer exist
        net().endpoints(n.id()).stream().filter(x -> x.containerId().startsWith(containerRef)
            || containerRef.equals(x.containerName())).forEach(x -> net().disconnect(x.containerId(), n.id(), true));
        return;
      }
      throw e;
    }
    c.lock.lock();
    try {
      ContainerRecord r = c.record();
      boolean live = net().endpointsOf(r.id()).stream().anyMatch(e -> e.networkId().equals(n.id()));
      Map<String, EndpointSettings> eps = r.networking() == null || r.networking().endpointsConfig() == null
          ? new LinkedHashMap<>() : new LinkedHashMap<>(r.networking().endpointsConfig());
      boolean configured = eps.keySet().removeIf(k -> k.equals(n.name()) || k.equals(n.id()));
      String mode = r.hostConfig().networkMode();
      boolean primary = n.name().equals(mode) || n.id().equals(mode)
          || n.name().equals("bridge") && (mode == null || mode.isEmpty() || mode.equals("default"));
      if (!live && !configured && !primary) {
        throw new Forbidden("container " + r.id() + " is not connected to network " + n.name());
      }
      if (live) {
        Endpoint e = net().endpointsOf(r.id()).stream().filter(x -> x.networkId().equals(n.id())).findFirst()
            .orElseThrow();
        net().disconnect(r.id(), n.id(), force);
        ctx.networking().event(e, "disconnect");
      }
      ContainerRecord updated = r.withNetworking(new NetworkingConfig(eps));
      if (primary) {
        // Docker leaves the container on no network; it keeps its own namespace with loopback
        updated = updated.withHostConfig(r.hostConfig().toBuilder().networkMode("none")
            .build());
      }
      c.update(updated);
      ctx.store().put(updated);
      if (live) {
        refreshFiles(updated);
      }
    } finally {
      c.lock.unlock();
    }
  }

  /**
   * Whether a container in mode none got there by leaving all its networks (it then has no
   * endpoint settings left) rather than by {@code --network none}; a running one must also still
   * have the namespace the engine made for it (with none, runc makes a bare one). A stopped
   * container created with none and no settings cannot be told apart and may be connected.
   */
  private boolean disconnectedFromAll(ContainerRecord r, boolean up) {
    boolean noSettings = r.networking() == null || r.networking().endpointsConfig() == null
        || r.networking().endpointsConfig().isEmpty();
    return noSettings && (!up || java.nio.file.Files.exists(net().netnsPath(r.id())));
  }

  private void refreshFiles(ContainerRecord r) {
    try {
      ctx.networking().refreshFiles(r, ctx.files(r.id()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("rewrite /etc/hosts and resolv.conf of " + r.id(), e);
    }
  }
}
