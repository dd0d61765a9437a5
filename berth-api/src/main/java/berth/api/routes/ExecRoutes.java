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

  /**
   * The client reads the exit code (GET /exec/{id}/json) as soon as the stream closes, so the
   * stream may close only once the exit is recorded; output can end a moment before that.
   */
  private void awaitExitRecorded(String id) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    try {
      while (Boolean.TRUE.equals(execs.inspect(id).running()) && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // the exec is gone (its container was removed): nothing to wait for
    }
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
      HijackedSession.run(session, conn, true);
      if (!session.detached()) {
        awaitExitRecorded(q.param("id"));
      }
    } finally {
      session.close();
    }
  }
}
