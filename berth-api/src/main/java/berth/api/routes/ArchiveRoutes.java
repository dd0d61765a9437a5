package berth.api.routes;

import berth.api.http.Request;
import berth.api.http.Response;
import berth.api.http.Router;
import berth.api.model.PathStat;
import berth.core.Json;
import berth.core.errors.InvalidArgument;
import berth.engine.ArchiveResult;
import berth.engine.ContainerService;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;

/** HEAD/GET/PUT /containers/{id}/archive: `docker cp` both ways, the stat in a base64 JSON header. */
final class ArchiveRoutes {
  static final String STAT_HEADER = "X-Docker-Container-Path-Stat";
  private final ContainerService containers;

  ArchiveRoutes(ContainerService containers) {
    this.containers = containers;
  }

  void register(Router r) {
    r.head("/containers/{id}/archive", (q, s) -> {
      stat(s, containers.archiveHead(q.param("id"), path(q)));
      s.full(200, null, new byte[0]);
    });
    r.get("/containers/{id}/archive", (q, s) -> {
      ArchiveResult result = containers.archiveGet(q.param("id"), path(q));
      stat(s, result.stat());
      try (OutputStream out = s.stream(200, "application/x-tar")) {
        result.body().writeTo(out);
      }
    });
    r.put("/containers/{id}/archive", (q, s) -> {
      containers.archivePut(q.param("id"), path(q), q.body(), q.bool("noOverwriteDirNonDir"), q.bool("copyUIDGID"));
      s.empty(200);
    });
  }

  private static String path(Request q) {
    String p = q.query("path");
    if (p == null || p.isEmpty()) {
      throw new InvalidArgument("bad parameter: 'path' cannot be empty");
    }
    return p;
  }

  private static void stat(Response s, PathStat stat) throws IOException {
    s.headers().set(STAT_HEADER, Base64.getEncoder().encodeToString(Json.MAPPER.writeValueAsBytes(stat)));
  }
}
