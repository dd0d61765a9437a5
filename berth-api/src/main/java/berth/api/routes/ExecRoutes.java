package berth.api.routes;

import berth.api.http.FrameWriter;
import berth.api.http.HijackedSession;
import berth.api.http.RawConnection;
import berth.api.http.Request;
import berth.api.http.Response;
import berth.api.http.Router;
import berth.api.model.ExecConfig;
import berth.api.model.ExecStartConfig;
import berth.core.errors.InvalidArgument;
import berth.engine.AttachStream;
import berth.engine.ExecService;
import java.io.IOException;

/** /containers/{id}/exec and /exec/{id}/...: create, start (hijacked or detached), resize, inspect. */
public final class ExecRoutes {
  private final ExecService execs;

  public ExecRoutes(ExecService execs) {
    this.execs = execs;
  }

  public void register(Router r) {
    r.post("/containers/{id}/exec", (q, s) -> {
      ExecConfig config = q.json(ExecConfig.class);
      if (config == null) {
        throw new InvalidArgument("No exec command specified");
      }
      s.json(201, execs.create(q.param("id"), config));
    });
    r.post("/exec/{id}/start", this::start);
    r.post("/exec/{id}/resize", (q, s) -> {
      Integer h = q.integer("h");
      Integer w = q.integer("w");
      if (h == null || w == null) {
        throw new InvalidArgument("invalid resize: height and width are required");
      }
      execs.resize(q.param("id"), h, w);
      s.empty(200);
    });
    r.get("/exec/{id}/json", (q, s) -> s.json(200, execs.inspect(q.param("id"))));
  }

  private void start(Request q, Response s) throws IOException {
    ExecStartConfig config = q.json(ExecStartConfig.class);
    if (config == null) {
      config = new ExecStartConfig(false, false, null);
    }
    AttachStream session = execs.start(q.param("id"), config);
    try {
      if (Boolean.TRUE.equals(config.detach())) {
        s.empty(200);
        return;
      }
      RawConnection conn = s.hijack(ContainerRoutes.isUpgrade(q), FrameWriter.contentType(session.tty(), q.version()));
      // the engine ends an exec's stream only once its exit code is recorded
      HijackedSession.run(session, conn, true);
    } finally {
      session.close();
    }
  }
}
