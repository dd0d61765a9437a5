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
    r.post("/session", (q, s) -> {
      throw new NotImplemented("BuildKit sessions are not supported: use the classic builder (DOCKER_BUILDKIT=0)");
    });
    r.get("/plugins", (q, s) -> s.json(200, List.of()));
    for (String p : List.of("/swarm", "/nodes", "/services", "/tasks", "/secrets", "/configs")) {
      r.get(p, (q, s) -> {
        throw new Unavailable("This node is not a swarm manager. Use \"docker swarm init\" or \"docker swarm join\" to connect this node to swarm and try again.");
      });
    }
  }
}
