package berth.api.routes;

import berth.api.http.Request;
import berth.api.http.Router;
import berth.api.model.EndpointSettings;
import berth.core.errors.InvalidArgument;
import berth.engine.EngineNetworks;
import berth.network.Endpoint;
import berth.network.IpamConfig;
import berth.network.Network;
import berth.network.NetworkCreateRequest;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** /networks: list, inspect, create, remove, prune, connect, disconnect, in Docker's JSON. */
public final class NetworkRoutes {
  private final EngineNetworks networks;

  public NetworkRoutes(EngineNetworks networks) {
    this.networks = networks;
  }

  public void register(Router r) {
    r.get("/networks", (q, s) -> {
      Predicate<Network> f = filter(q.filters());
      List<Map<String, Object>> out = new ArrayList<>();
      for (Network n : networks.list()) {
        if (f.test(n)) {
          out.add(json(n, false));
        }
      }
      s.json(200, out);
    });
    r.get("/networks/{id}", (q, s) -> s.json(200, json(networks.inspect(q.param("id")), true)));
    r.post("/networks/create", (q, s) -> {
      CreateBody b = q.json(CreateBody.class);
      if (b == null || b.name == null || b.name.isEmpty()) {
        throw new InvalidArgument("network name must not be empty");
      }
      List<IpamConfig> ipam = b.ipam == null || b.ipam.config == null ? List.of() : b.ipam.config;
      Network n = networks.create(new NetworkCreateRequest(b.name, b.driver, ipam, Boolean.TRUE.equals(b.internal),
          Boolean.TRUE.equals(b.attachable), Boolean.TRUE.equals(b.enableIpv6), b.options, b.labels));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Id", n.id());
      m.put("Warning", "");
      s.json(201, m);
    });
    r.delete("/networks/{id}", (q, s) -> {
      networks.remove(q.param("id"));
      s.empty(204);
    });
    r.post("/networks/prune", (q, s) -> {
      Map<String, List<String>> f = new LinkedHashMap<>(q.filters());
      Predicate<Network> p = filter(onlyLabels(f));
      for (String until : f.getOrDefault("until", List.of())) {
        p = p.and(networks.createdBefore(until));
      }
      List<String> removed = networks.prune(p);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("NetworksDeleted", removed);
      s.json(200, m);
    });
    r.post("/networks/{id}/connect", (q, s) -> {
      ConnectBody b = q.json(ConnectBody.class);
      if (b == null || b.container == null || b.container.isEmpty()) {
        throw new InvalidArgument("container is required");
      }
      networks.connect(q.param("id"), b.container, b.endpointConfig);
      s.empty(200);
    });
    r.post("/networks/{id}/disconnect", (q, s) -> {
      ConnectBody b = q.json(ConnectBody.class);
      if (b == null || b.container == null || b.container.isEmpty()) {
        throw new InvalidArgument("container is required");
      }
      networks.disconnect(q.param("id"), b.container, Boolean.TRUE.equals(b.force));
      s.empty(200);
    });
  }

  private static Map<String, List<String>> onlyLabels(Map<String, List<String>> f) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    f.forEach((k, v) -> {
      if (k.equals("label") || k.equals("label!")) {
        out.put(k, v);
      } else if (!k.equals("until")) {
        throw new InvalidArgument("invalid filter '" + k + "'");
      }
    });
    return out;
  }

  /** Docker's network list filters: name (substring), id (prefix), driver, label, type, dangling. */
  Predicate<Network> filter(Map<String, List<String>> f) {
    Predicate<Network> p = n -> true;
    for (Map.Entry<String, List<String>> e : f.entrySet()) {
      List<String> v = e.getValue();
      Predicate<Network> one = switch (e.getKey()) {
        case "name" -> n -> v.stream().anyMatch(x -> n.name().contains(x));
        case "id" -> n -> v.stream().anyMatch(x -> n.id().startsWith(x));
        case "driver" -> n -> v.contains(n.driver());
        case "scope" -> n -> v.contains(n.scope());
        case "type" -> {
          for (String x : v) {
            if (!x.equals("custom") && !x.equals("builtin")) {
              throw new InvalidArgument("invalid filter: 'type'='" + x + "'");
            }
          }
          yield n -> v.contains(n.predefined() ? "builtin" : "custom");
        }
        case "dangling" -> {
          boolean want = v.stream().anyMatch(x -> x.equals("true") || x.equals("1"));
          yield n -> (!n.predefined() && networks.endpoints(n.id()).isEmpty()) == want;
        }
        case "label" -> n -> v.stream().allMatch(x -> label(n, x));
        case "label!" -> n -> v.stream().noneMatch(x -> label(n, x));
        default -> throw new InvalidArgument("invalid filter '" + e.getKey() + "'");
      };
      p = p.and(one);
    }
    return p;
  }

  private static boolean label(Network n, String spec) {
    int eq = spec.indexOf('=');
    if (eq < 0) {
      return n.labels().containsKey(spec);
    }
    return spec.substring(eq + 1).equals(n.labels().get(spec.substring(0, eq)));
  }

  /** Docker's NetworkResource; {@code Containers} is filled for inspect, empty in the list. */
  private Map<String, Object> json(Network n, boolean withContainers) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Name", n.name());
    m.put("Id", n.id());
    m.put("Created", n.created());
    m.put("Scope", n.scope());
    m.put("Driver", n.driver());
    m.put("EnableIPv4", true);
    m.put("EnableIPv6", n.ipv6());
    List<Map<String, Object>> cfg = new ArrayList<>();
    for (IpamConfig c : n.ipam()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("Subnet", c.subnet());
      if (c.ipRange() != null && !c.ipRange().isEmpty()) {
        x.put("IPRange", c.ipRange());
      }
      if (c.gateway() != null && !c.gateway().isEmpty()) {
        x.put("Gateway", c.gateway());
      }
      if (!c.auxAddresses().isEmpty()) {
        x.put("AuxiliaryAddresses", c.auxAddresses());
      }
      cfg.add(x);
    }
    Map<String, Object> ipam = new LinkedHashMap<>();
    ipam.put("Driver", "default");
    ipam.put("Options", n.predefined() ? null : Map.of());
    ipam.put("Config", cfg);
    m.put("IPAM", ipam);
    m.put("Internal", n.internal());
    m.put("Attachable", n.attachable());
    m.put("Ingress", false);
    m.put("ConfigFrom", Map.of("Network", ""));
    m.put("ConfigOnly", false);
    Map<String, Object> containers = new LinkedHashMap<>();
    if (withContainers) {
      for (Endpoint e : networks.endpoints(n.id())) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("Name", e.containerName() == null ? "" : e.containerName().replaceFirst("^/", ""));
        c.put("EndpointID", e.endpointId());
        c.put("MacAddress", e.macAddress());
        c.put("IPv4Address", e.ipAddress() + "/" + e.prefixLen());
        c.put("IPv6Address", "");
        containers.put(e.containerId(), c);
      }
    }
    m.put("Containers", containers);
    m.put("Options", n.options());
    m.put("Labels", n.labels());
    return m;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class CreateBody {
    @JsonProperty("Name") String name;
    @JsonProperty("Driver") String driver;
    @JsonProperty("Internal") Boolean internal;
    @JsonProperty("Attachable") Boolean attachable;
    @JsonProperty("EnableIPv6") Boolean enableIpv6;
    @JsonProperty("IPAM") IpamBody ipam;
    @JsonProperty("Options") Map<String, String> options;
    @JsonProperty("Labels") Map<String, String> labels;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class IpamBody {
    @JsonProperty("Driver") String driver;
    @JsonProperty("Config") List<IpamConfig> config;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  static final class ConnectBody {
    @JsonProperty("Container") String container;
    @JsonProperty("EndpointConfig") EndpointSettings endpointConfig;
    @JsonProperty("Force") Boolean force;
  }
}
