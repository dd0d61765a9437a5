package berth.api.routes;

import berth.api.http.Router;
import berth.core.errors.NotFound;
import berth.core.errors.NotImplemented;
import berth.core.errors.Unavailable;
import java.util.List;
import java.util.Map;

/**
 * Resources whose issues have not landed yet, answered the way Docker answers when the feature
 * is absent, so clients print a clear message instead of "page not found". Networks list only
 * the two modes that exist (`none`, `host`); volumes are empty.
 */
public final class NotOfferedRoutes {
  public void register(Router r) {
    r.get("/networks", (q, s) -> s.json(200, List.of(network("host", "host"), network("none", "null"))));
    r.get("/networks/{id}", (q, s) -> {
      String id = q.param("id");
      for (String n : List.of("host", "none")) {
        if (n.equals(id) || networkId(n).startsWith(id)) {
          s.json(200, network(n, n.equals("none") ? "null" : "host"));
          return;
        }
      }
      throw new NotFound("network " + id + " not found");
    });
    r.post("/networks/create", (q, s) -> {
      throw new NotImplemented("creating networks is not supported yet: only the none and host networks exist");
    });
    r.get("/volumes", (q, s) -> {
      Map<String, Object> v = new java.util.LinkedHashMap<>();
      v.put("Volumes", List.of());
      v.put("Warnings", null);
      s.json(200, v);
    });
    r.post("/volumes/create", (q, s) -> {
      throw new NotImplemented("volumes are not supported yet");
    });
    r.get("/volumes/{name}", (q, s) -> {
      throw new NotFound("get " + q.param("name") + ": no such volume");
    });
    r.post("/build", (q, s) -> {
      throw new NotImplemented("the builder is not supported yet");
    });
    r.post("/session", (q, s) -> {
      throw new NotImplemented("the builder is not supported yet");
    });
    r.get("/plugins", (q, s) -> s.json(200, List.of()));
    for (String p : List.of("/swarm", "/nodes", "/services", "/tasks", "/secrets", "/configs")) {
      r.get(p, (q, s) -> {
        throw new Unavailable("This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.");
      });
    }
  }

  private static String networkId(String name) {
    return java.util.HexFormat.of().formatHex(berth.core.Digest.sha256().digest(("berth-network-" + name).getBytes()));
  }

  private static Map<String, Object> network(String name, String driver) {
    Map<String, Object> n = new java.util.LinkedHashMap<>();
    n.put("Name", name);
    n.put("Id", networkId(name));
    n.put("Created", "0001-01-01T00:00:00Z");
    n.put("Scope", "local");
    n.put("Driver", driver);
    n.put("EnableIPv4", true);
    n.put("EnableIPv6", false);
    n.put("IPAM", Map.of("Driver", "default", "Options", Map.of(), "Config", List.of()));
    n.put("Internal", false);
    n.put("Attachable", false);
    n.put("Ingress", false);
    n.put("ConfigFrom", Map.of("Network", ""));
    n.put("ConfigOnly", false);
    n.put("Containers", Map.of());
    n.put("Options", Map.of());
    n.put("Labels", Map.of());
    return n;
  }
}
