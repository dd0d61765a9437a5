package berth.engine;

import berth.api.model.ContainerConfig;
import berth.api.model.EndpointSettings;
import berth.api.model.HostConfig;
import berth.api.model.NetworkingConfig;
import berth.api.model.PortBinding;
import berth.core.errors.InvalidArgument;
import berth.network.Endpoint;
import berth.network.EndpointRequest;
import berth.network.EtcHosts;
import berth.network.NetworkService;
import berth.network.PortMapping;
import berth.network.ResolvConf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's networking seam: everything the container lifecycle asks of {@link NetworkService}.
 * The engine calls {@link #validate} at create, {@link #attach} at start (before the OCI spec is
 * written; it returns the namespace path for the spec and writes /etc/hosts and /etc/resolv.conf),
 * {@link #detach} whenever the container's process is gone (exit, stop, kill, failed start) and
 * {@link #recover} once at open. Without a network service (unit tests) only none, host and
 * container: modes are offered.
 */
final class ContainerNetworking {
  private final NetworkService net;
  private final EventBus events;

  ContainerNetworking(NetworkService net, EventBus events) {
    this.net = net;
    this.events = events;
  }

  /** Docker's network connect/disconnect events. */
  void event(Endpoint e, String action) {
    try {
      var n = net.inspect(e.networkId());
      events.network(n.id(), n.name(), n.driver(), action, e.containerId());
    } catch (RuntimeException gone) {
      // the network went away meanwhile: no event to name it
    }
  }

  NetworkService service() {
    return net;
  }

  boolean enabled() {
    return net != null;
  }

  /** The networks a container is on, in attach order: NetworkMode first, then EndpointsConfig. */
  static List<String> networksOf(HostConfig h, NetworkingConfig nc) {
    Set<String> out = new LinkedHashSet<>();
    String mode = h.networkMode();
    out.add(mode == null || mode.isEmpty() || mode.equals("default") ? "bridge" : mode);
    if (nc != null && nc.endpointsConfig() != null) {
      nc.endpointsConfig().keySet().forEach(k -> out.add(k.equals("default") ? "bridge" : k));
    }
    return List.copyOf(out);
  }

  /** The create request's settings for network {@code n}; the CLI names the default one "default". */
  static EndpointSettings settingsFor(NetworkingConfig nc, String n) {
    if (nc == null || nc.endpointsConfig() == null) {
      return null;
    }
    EndpointSettings s = nc.endpointsConfig().get(n);
    return s == null && n.equals("bridge") ? nc.endpointsConfig().get("default") : s;
  }

  /**
   * Create-time checks: port specs parse. Whether the networks exist is checked at start, as
   * Docker does: a 404 from create makes the docker CLI try to pull the image instead.
   */
  void validate(HostConfig h, NetworkingConfig nc, NetworkMode mode) {
    if (!(mode instanceof NetworkMode.Attached)) {
      return;
    }
    if (net == null) {
      throw new InvalidArgument("bridge networking is not available in this engine: use --network none or --network host");
    }
    portMappings(h);
  }

  static List<PortMapping> portMappings(HostConfig h) {
    List<PortMapping> out = new ArrayList<>();
    if (h.portBindings() == null) {
      return out;
    }
    for (Map.Entry<String, List<PortBinding>> e : h.portBindings().entrySet()) {
      String[] pp = e.getKey().split("/", 2);
      int cport;
      try {
        cport = Integer.parseInt(pp[0]);
      } catch (NumberFormatException ex) {
        throw new InvalidArgument("invalid port specification: \"" + e.getKey() + "\"");
      }
      String proto = pp.length > 1 ? pp[1] : "tcp";
      List<PortBinding> bs = e.getValue() == null || e.getValue().isEmpty()
          ? List.of(new PortBinding("", "")) : e.getValue();
      for (PortBinding b : bs) {
        int hp = 0;
        if (b.hostPort() != null && !b.hostPort().isEmpty()) {
          try {
            hp = Integer.parseInt(b.hostPort().contains("-") ? b.hostPort().substring(0, b.hostPort().indexOf('-'))
                : b.hostPort());
          } catch (NumberFormatException ex) {
            throw new InvalidArgument("invalid port specification: \"" + b.hostPort() + "\"");
          }
        }
        out.add(new PortMapping(b.hostIp(), hp, cport, proto));
      }
    }
    return out;
  }

  /** -P: every exposed port not already bound, on a free host port. */
  static List<PortMapping> publishAll(ContainerConfig cfg, HostConfig h, List<PortMapping> explicit) {
    List<PortMapping> out = new ArrayList<>(explicit);
    if (!Boolean.TRUE.equals(h.publishAllPorts()) || cfg.exposedPorts() == null) {
      return out;
    }
    for (String k : cfg.exposedPorts().keySet()) {
      String[] pp = k.split("/", 2);
      int cport = Integer.parseInt(pp[0]);
      String proto = pp.length > 1 ? pp[1] : "tcp";
      if (explicit.stream().noneMatch(p -> p.containerPort() == cport && p.protocol().equals(proto))) {
        out.add(new PortMapping("", 0, cport, proto));
      }
    }
    return out;
  }

  /**
   * Start: makes the namespace, connects every network, writes hosts and resolv.conf. Returns the
   * namespace path for the OCI spec. On failure everything done is undone.
   */
  String attach(ContainerRecord r, ContainerFiles files) throws IOException {
    String id = r.id();
    Path ns = net.createNetns(id);
    try {
      HostConfig h = r.hostConfig();
      List<String> nets = networksOf(h, r.networking());
      List<Endpoint> eps = new ArrayList<>();
      boolean first = true;
      for (String n : nets) {
        EndpointSettings es = settingsFor(r.networking(), n);
        List<String> aliases = es == null || es.aliases() == null ? List.of() : es.aliases();
        String ip = es == null || es.ipamConfig() == null ? null : es.ipamConfig().ipv4Address();
        String mac = es == null ? null : es.macAddress();
        List<PortMapping> ports = first ? publishAll(r.config(), h, portMappings(h)) : List.of();
        boolean userNet = !net.inspect(n).name().equals("bridge");
        // on a user network a --link is a name only this container resolves (HostConfig.Links
        // belong to its primary network, EndpointSettings.Links to theirs)
        List<String> links = new ArrayList<>();
        if (userNet && first && h.links() != null) {
          links.addAll(h.links());
        }
        if (userNet && es != null && es.links() != null) {
          links.addAll(es.links());
        }
        Endpoint ep = net.connect(id, ns, n, new EndpointRequest(r.name(), userNet ? r.config().hostname() : null,
            userNet ? aliases : List.of(), ip, mac, ports, h.dns(), links));
        eps.add(ep);
        event(ep, "connect");
        first = false;
      }
      writeFiles(r, files, eps);
      return ns.toString();
    } catch (RuntimeException | IOException e) {
      detach(id);
      throw e;
    }
  }

  private void writeFiles(ContainerRecord r, ContainerFiles files, List<Endpoint> eps) throws IOException {
    HostConfig h = r.hostConfig();
    Endpoint primary = eps.getFirst();
    String dnsServer = net.dnsServerFor(primary.networkId());
    String hostText = Files.isReadable(Path.of("/etc/resolv.conf")) ? Files.readString(Path.of("/etc/resolv.conf")) : "";
    ResolvConf rc = ResolvConf.parse(hostText).forContainer(dnsServer, orEmpty(h.dns()),
        orEmpty(h.dnsSearch()), orEmpty(h.dnsOptions()));
    List<EtcHosts.Link> links = new ArrayList<>();
    if (dnsServer == null && h.links() != null) {
      for (String l : h.links()) {
        links.addAll(link(l));
      }
    }
    String hosts = EtcHosts.render(r.config().hostname(), r.config().domainname(), primary.ipAddress(),
        orEmpty(h.extraHosts()), primary.gateway(), links);
    files.writeNetworkFiles(r.config().hostname(), hosts, rc.render());
  }

  /**
   * A running container joined or left a network: /etc/hosts gets one line per address it still
   * has, and resolv.conf names the embedded DNS of its first user network (the host's resolvers
   * when it has none), as Docker rebuilds them at connect and disconnect. Written in place, since
   * the files are bind-mounted into the running container.
   */
  void refreshFiles(ContainerRecord r, ContainerFiles files) throws IOException {
    List<String> order = networksOf(r.hostConfig(), r.networking());
    List<Endpoint> eps = new ArrayList<>(net.endpointsOf(r.id()));
    eps.sort(java.util.Comparator.comparingInt(e -> {
      var n = net.inspect(e.networkId());
      int i = order.indexOf(n.name());
      if (i < 0) {
        i = order.indexOf(n.id());
      }
      return i < 0 ? Integer.MAX_VALUE : i;
    }));
    HostConfig h = r.hostConfig();
    String dnsServer = null;
    for (Endpoint e : eps) {
      dnsServer = net.dnsServerFor(e.networkId());
      if (dnsServer != null) {
        break;
      }
    }
    String hostText = Files.isReadable(Path.of("/etc/resolv.conf")) ? Files.readString(Path.of("/etc/resolv.conf")) : "";
    ResolvConf rc = ResolvConf.parse(hostText).forContainer(dnsServer, orEmpty(h.dns()),
        orEmpty(h.dnsSearch()), orEmpty(h.dnsOptions()));
    List<EtcHosts.Link> links = new ArrayList<>();
    if (dnsServer == null && h.links() != null && !eps.isEmpty()) {
      for (String l : h.links()) {
        links.addAll(link(l));
      }
    }
    String hosts = EtcHosts.renderAll(r.config().hostname(), r.config().domainname(),
        eps.stream().map(Endpoint::ipAddress).toList(), orEmpty(h.extraHosts()),
        eps.isEmpty() ? null : eps.getFirst().gateway(), links);
    files.rewriteInPlace(hosts, rc.render());
  }

  /** A {@code --link name:alias} (Docker stores it as /name:/self/alias) as hosts lines. */
  private List<EtcHosts.Link> link(String spec) {
    String[] p = spec.split(":", 2);
    String target = p[0].replaceFirst("^/", "");
    String alias = p.length > 1 ? p[1].substring(p[1].lastIndexOf('/') + 1) : target;
    List<EtcHosts.Link> out = new ArrayList<>();
    for (Endpoint e : net.endpoints("bridge")) {
      String name = e.containerName() == null ? "" : e.containerName().replaceFirst("^/", "");
      if (name.equals(target) || e.containerId().startsWith(target)) {
        Set<String> names = new LinkedHashSet<>(List.of(alias, berth.core.Ids.shortId(e.containerId()), name));
        out.add(new EtcHosts.Link(e.ipAddress(), List.copyOf(names)));
      }
    }
    return out;
  }

  private static List<String> orEmpty(List<String> l) {
    return l == null ? List.of() : l;
  }

  /** Process gone: every endpoint released (ports freed), the namespace deleted. Never throws. */
  void detach(String id) {
    if (net == null) {
      return;
    }
    for (Endpoint e : net.endpointsOf(id)) {
      try {
        net.disconnect(id, e.networkId(), true);
        event(e, "disconnect");
      } catch (RuntimeException ignored) {
        // cleanupOrphans at the next start finishes the job
      }
    }
    try {
      net.removeNetns(id);
    } catch (RuntimeException ignored) {
      // as above
    }
  }

  /** Daemon start: endpoints of containers not running are torn down, with their namespaces. */
  void recover(Set<String> running) {
    if (net != null) {
      net.cleanupOrphans(running);
    }
  }

  /** Inspect's Networks map, live endpoints first, else the configured networks with empty fields. */
  Map<String, EndpointSettings> networks(ContainerRecord r) {
    Map<String, EndpointSettings> m = new LinkedHashMap<>();
    List<Endpoint> eps = net == null ? List.of() : net.endpointsOf(r.id());
    for (String n : networksOf(r.hostConfig(), r.networking())) {
      String name = n;
      String netId = "";
      try {
        if (net != null) {
          var nw = net.inspect(n);
          name = nw.name();
          netId = nw.id();
        }
      } catch (RuntimeException gone) {
        // the network was removed while the container was stopped
      }
      String nid = netId;
      EndpointSettings cfg = settingsFor(r.networking(), n);
      List<String> aliases = cfg == null ? null : cfg.aliases();
      Endpoint e = eps.stream().filter(x -> x.networkId().equals(nid)).findFirst().orElse(null);
      // Links and DriverOpts come back as the create or connect request gave them, as in Docker
      List<String> links = cfg == null ? null : cfg.links();
      Map<String, String> driverOpts = cfg == null ? null : cfg.driverOpts();
      if (e == null) {
        m.put(name, new EndpointSettings(cfg == null ? null : cfg.ipamConfig(), links, "", aliases, driverOpts, nid,
            "", "", "", 0, "", "", 0, null));
      } else {
        boolean user = !name.equals("bridge");
        m.put(name, new EndpointSettings(cfg == null ? null : cfg.ipamConfig(), links, e.macAddress(), aliases,
            driverOpts, nid, e.endpointId(), e.gateway(), e.ipAddress(), e.prefixLen(), "", "", 0,
            user ? e.dnsNames() : null));
      }
    }
    return m;
  }

  /** Inspect's NetworkSettings.Ports: every exposed or published port, bound ones with host sides. */
  Map<String, List<PortBinding>> ports(ContainerRecord r) {
    Map<String, List<PortBinding>> out = new java.util.TreeMap<>();
    if (r.config().exposedPorts() != null) {
      r.config().exposedPorts().keySet().forEach(k -> out.put(k.contains("/") ? k : k + "/tcp", null));
    }
    if (net == null) {
      return out;
    }
    for (Endpoint e : net.endpointsOf(r.id())) {
      for (PortMapping p : e.ports()) {
        List<PortBinding> l = out.get(p.containerPort() + "/" + p.protocol());
        l = l == null ? new ArrayList<>() : new ArrayList<>(l);
        l.add(new PortBinding(p.hostIpOrAny(), String.valueOf(p.hostPort())));
        out.put(p.containerPort() + "/" + p.protocol(), l);
      }
    }
    return out;
  }

  List<Endpoint> endpoints(String id) {
    return net == null ? List.of() : net.endpointsOf(id);
  }

}
