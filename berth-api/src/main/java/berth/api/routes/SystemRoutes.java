package berth.api.routes;

import berth.api.http.Request;
import berth.api.http.Response;
import berth.api.http.Router;
import berth.core.Json;
import berth.core.errors.InvalidArgument;
import berth.engine.BlockingSource;
import berth.engine.EventService;
import berth.engine.SystemService;
import berth.api.model.Event;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** /_ping, /version, /info, /events and /system/df. */
public final class SystemRoutes {
  private final SystemService system;
  private final EventService events;

  public SystemRoutes(SystemService system, EventService events) {
    this.system = system;
    this.events = events;
  }

  public void register(Router r) {
    r.get("/_ping", this::ping);
    r.head("/_ping", this::ping);
    r.get("/version", (q, s) -> s.json(200, system.version()));
    r.get("/info", (q, s) -> s.json(200, system.info()));
    r.get("/system/df", (q, s) -> s.json(200, system.df(q.queryAll("type"))));
    r.get("/events", this::events);
  }

  private void ping(Request q, Response s) throws IOException {
    SystemService.Ping p = system.ping();
    s.headers().set("API-Version", p.apiVersion());
    s.headers().set("Docker-Experimental", String.valueOf(p.experimental()));
    s.headers().set("OSType", p.osType());
    s.headers().set("Builder-Version", p.builderVersion());
    s.headers().set("Cache-Control", "no-cache, no-store, must-revalidate");
    s.headers().set("Pragma", "no-cache");
    if (q.method().equals("HEAD")) {
      s.full(200, "text/plain; charset=utf-8", new byte[0]);
    } else {
      s.text(200, "text/plain; charset=utf-8", "OK");
    }
  }

  private void events(Request q, Response s) throws Exception {
    Instant since = time(q.query("since"), "since");
    Instant until = time(q.query("until"), "until");
    try (BlockingSource<Event> src = events.subscribe(since, until, q.filters())) {
      s.onClose(src::close);
      OutputStream out = s.stream(200, "application/json");
      for (Event e; (e = src.next()) != null; ) {
        byte[] line = Json.MAPPER.writeValueAsBytes(e);
        byte[] withNl = java.util.Arrays.copyOf(line, line.length + 1);
        withNl[line.length] = '\n';
        out.write(withNl);
      }
      out.close();
    }
  }

  /**
   * Docker's timestamps in since/until: Unix seconds with optional fraction ("1700000000.5"),
   * or RFC 3339. (Relative durations are turned into timestamps by the CLI before sending.)
   */
  static Instant time(String v, String name) {
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      if (v.matches("-?[0-9]+(\\.[0-9]+)?")) {
        String[] p = v.split("\\.");
        long sec = Long.parseLong(p[0]);
        long nanos = p.length > 1 ? Long.parseLong((p[1] + "000000000").substring(0, 9)) : 0;
        return Instant.ofEpochSecond(sec, nanos);
      }
      return OffsetDateTime.parse(v).toInstant();
    } catch (RuntimeException e) {
      throw new InvalidArgument("invalid value for " + name + ": " + v);
    }
  }

  static List<String> nonNull(List<String> l) {
    return l == null ? List.of() : l;
  }
}
