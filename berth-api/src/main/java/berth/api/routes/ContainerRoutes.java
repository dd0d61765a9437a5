package berth.api.routes;

import berth.api.http.FrameWriter;
import berth.api.http.HijackedSession;
import berth.api.http.RawConnection;
import berth.api.http.Request;
import berth.api.http.Response;
import berth.api.http.Router;
import berth.api.model.ContainerCreateRequest;
import berth.api.model.ContainerStats;
import berth.api.model.HostConfig;
import berth.api.model.WaitResponse;
import berth.core.Json;
import berth.core.errors.InvalidArgument;
import berth.engine.AttachOptions;
import berth.engine.AttachStream;
import berth.engine.BlockingSource;
import berth.engine.ContainerService;
import berth.engine.Frame;
import berth.engine.FrameSource;
import berth.engine.LogOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ExecutionException;

/** /containers/...: each handler parses the query, calls one ContainerService method, writes Docker's answer. */
public final class ContainerRoutes {
  private final ContainerService containers;

  public ContainerRoutes(ContainerService containers) {
    this.containers = containers;
  }

  public void register(Router r) {
    r.post("/containers/create", this::create);
    r.get("/containers/json", (q, s) -> s.json(200,
        containers.list(q.bool("all"), q.integer("limit", -1), q.bool("size"), q.filters())));
    r.post("/containers/prune", (q, s) -> s.json(200, containers.prune(q.filters())));
    r.get("/containers/{id}/json", (q, s) -> s.json(200, containers.inspect(q.param("id"), q.bool("size"))));
    r.post("/containers/{id}/start", (q, s) -> {
      containers.start(q.param("id"));
      s.empty(204);
    });
    r.post("/containers/{id}/stop", (q, s) -> {
      containers.stop(q.param("id"), emptyToNull(q.query("signal")), q.integer("t"));
      s.empty(204);
    });
    r.post("/containers/{id}/restart", (q, s) -> {
      containers.restart(q.param("id"), emptyToNull(q.query("signal")), q.integer("t"));
      s.empty(204);
    });
    r.post("/containers/{id}/kill", (q, s) -> {
      containers.kill(q.param("id"), emptyToNull(q.query("signal")));
      s.empty(204);
    });
    r.post("/containers/{id}/wait", this::await);
    r.delete("/containers/{id}", (q, s) -> {
      containers.remove(q.param("id"), q.bool("force"), q.bool("v"), q.bool("link"));
      s.empty(204);
    });
    r.get("/containers/{id}/logs", this::logs);
    r.post("/containers/{id}/attach", this::attach);
    r.post("/containers/{id}/resize", (q, s) -> {
      containers.resize(q.param("id"), dimension(q, "h"), dimension(q, "w"));
      s.empty(200);
    });
    r.get("/containers/{id}/top", (q, s) -> s.json(200, containers.top(q.param("id"), emptyToNull(q.query("ps_args")))));
    r.get("/containers/{id}/stats", this::stats);
    r.post("/containers/{id}/rename", (q, s) -> {
      containers.rename(q.param("id"), q.query("name"));
      s.empty(204);
    });
    r.post("/containers/{id}/pause", (q, s) -> {
      containers.pause(q.param("id"));
      s.empty(204);
    });
    r.post("/containers/{id}/unpause", (q, s) -> {
      containers.unpause(q.param("id"));
      s.empty(204);
    });
    r.post("/containers/{id}/update", (q, s) -> {
      HostConfig update = q.json(HostConfig.class);
      s.json(200, containers.update(q.param("id"), update != null ? update : HostConfig.builder().build()));
    });
    r.get("/containers/{id}/changes", (q, s) -> s.json(200, containers.changes(q.param("id"))));
    r.get("/containers/{id}/export", (q, s) -> {
      // The engine checks the container before writing, so a 404 can still be sent.
      containers.inspect(q.param("id"), false);
      try (OutputStream out = s.stream(200, "application/x-tar")) {
        containers.export(q.param("id"), out);
      }
    });
    new ArchiveRoutes(containers).register(r);
  }

  private void create(Request q, Response s) throws IOException {
    ContainerCreateRequest body;
    try {
      body = ContainerCreateRequest.parse(q.bytes());
    } catch (InvalidArgument e) {
      if (e.getCause() instanceof com.fasterxml.jackson.core.JacksonException j) {
        throw new InvalidArgument("invalid JSON: " + berth.api.http.ErrorMapper.firstLine(j.getOriginalMessage()), j);
      }
      throw e;
    }
    s.json(201, containers.create(emptyToNull(q.query("name")), body.config(), body.hostConfig(),
        body.networkingConfig(), emptyToNull(q.query("platform"))));
  }

  /** Like Docker: the head goes out at once, the body when the condition is met. */
  private void await(Request q, Response s) throws IOException, InterruptedException {
    String condition = emptyToNull(q.query("condition"));
    var pending = containers.wait(q.param("id"), condition).toCompletableFuture();
    if (pending.isCompletedExceptionally()) {
      pending.join(); // a failure known at once (no such container) keeps its status
    }
    s.onClose(() -> pending.cancel(false));
    OutputStream out = s.stream(200, "application/json");
    WaitResponse result;
    try {
      result = pending.get();
    } catch (ExecutionException | java.util.concurrent.CancellationException e) {
      String msg = e.getCause() != null ? e.getCause().getMessage() : "wait cancelled";
      result = new WaitResponse(-1L, new berth.api.model.WaitError(msg));
    }
    out.write(Json.MAPPER.writeValueAsBytes(result));
    out.write('\n');
    out.close();
  }

  private void logs(Request q, Response s) throws Exception {
    boolean stdout = q.bool("stdout");
    boolean stderr = q.bool("stderr");
    if (!stdout && !stderr) {
      throw new InvalidArgument("Bad parameters: you must choose at least one stream");
    }
    LogOptions opts = new LogOptions(stdout, stderr, SystemRoutes.time(q.query("since"), "since"),
        SystemRoutes.time(q.query("until"), "until"), q.bool("timestamps"), q.bool("follow"), tail(q.query("tail")));
    try (FrameSource src = containers.logs(q.param("id"), opts)) {
      s.onClose(src::close);
      OutputStream out = s.stream(200, FrameWriter.contentType(src.tty(), q.version()));
      for (Frame f; (f = src.next()) != null; ) {
        FrameWriter.write(out, f, src.tty());
      }
      out.close();
    }
  }

  private static int tail(String v) {
    if (v == null || v.isEmpty() || v.equals("all")) {
      return -1;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      return -1; // Docker treats an unparsable tail as "all"
    }
  }

  private void attach(Request q, Response s) throws IOException {
    q.body().readAllBytes();
    AttachOptions opts = new AttachOptions(q.bool("stdin"), q.bool("stdout"), q.bool("stderr"), q.bool("logs"),
        q.bool("stream"), emptyToNull(q.query("detachKeys")));
    AttachStream session = containers.attach(q.param("id"), opts);
    try {
      RawConnection conn = s.hijack(isUpgrade(q), FrameWriter.contentType(session.tty(), q.version()));
      HijackedSession.run(session, conn, opts.stdin());
    } finally {
      session.close();
    }
  }

  /** The client asked for "Connection: Upgrade" with "Upgrade: tcp" (Docker's hijack). */
  static boolean isUpgrade(Request q) {
    String conn = q.headers().get("Connection");
    String up = q.headers().get("Upgrade");
    return conn != null && conn.toLowerCase(java.util.Locale.ROOT).contains("upgrade") && up != null;
  }

  private void stats(Request q, Response s) throws Exception {
    boolean stream = q.bool("stream", true);
    boolean oneShot = q.bool("one-shot");
    if (oneShot && stream) {
      throw new InvalidArgument("cannot have stream=true and one-shot=true");
    }
    try (BlockingSource<ContainerStats> src = containers.stats(q.param("id"), stream, oneShot)) {
      s.onClose(src::close);
      OutputStream out = s.stream(200, "application/json");
      for (ContainerStats st; (st = src.next()) != null; ) {
        out.write(Json.MAPPER.writeValueAsBytes(st));
        out.write('\n');
        if (!stream) {
          break;
        }
      }
      out.close();
    }
  }

  private static int dimension(Request q, String name) {
    Integer v = q.integer(name);
    if (v == null || v < 0) {
      throw new InvalidArgument("invalid value for " + name + ": " + q.query(name));
    }
    return v;
  }

  static String emptyToNull(String v) {
    return v == null || v.isEmpty() ? null : v;
  }
}
