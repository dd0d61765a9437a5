package berth.client;

import berth.core.errors.NotModified;
import berth.api.model.ContainerCreateResponse;
import berth.api.model.IdResponse;
import berth.api.model.PathStat;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** The {@code /containers} endpoints, one method per call the CLI makes. */
public final class ContainerCalls {
  private final BerthClient c;

  ContainerCalls(BerthClient c) {
    this.c = c;
  }

  public JsonNode list(boolean all, int limit, boolean size, Map<String, List<String>> filters) {
    return c.getJson("/containers/json", Query.of().flag("all", all)
        .add("limit", limit > 0 ? limit : null).flag("size", size).filters(filters));
  }

  /** {@code POST /containers/create}. */
  public ContainerCreateResponse create(String name, Object body) {
    return WireRecords.createResponse(c.postJson("/containers/create", Query.of().add("name", blankToNull(name)), body));
  }

  public JsonNode inspect(String ref, boolean size) {
    return c.getJson("/containers/" + enc(ref) + "/json", Query.of().flag("size", size));
  }

  /** Returns false when the container was already running (304). */
  public boolean start(String ref, String detachKeys) {
    return notModified(() -> c.post("/containers/" + enc(ref) + "/start",
        Query.of().add("detachKeys", blankToNull(detachKeys)), null).close());
  }

  /** Returns false when the container was already stopped (304). */
  public boolean stop(String ref, Integer timeout, String signal) {
    return notModified(() -> c.post("/containers/" + enc(ref) + "/stop",
        Query.of().add("t", timeout).add("signal", blankToNull(signal)), null).close());
  }

  public void restart(String ref, Integer timeout, String signal) {
    c.post("/containers/" + enc(ref) + "/restart", Query.of().add("t", timeout)
        .add("signal", blankToNull(signal)), null).close();
  }

  public void kill(String ref, String signal) {
    c.post("/containers/" + enc(ref) + "/kill", Query.of().add("signal", blankToNull(signal)), null).close();
  }

  public void remove(String ref, boolean force, boolean volumes, boolean link) {
    c.delete("/containers/" + enc(ref), Query.of().flag("force", force).flag("v", volumes).flag("link", link));
  }

  public void pause(String ref) {
    c.post("/containers/" + enc(ref) + "/pause", null, null).close();
  }

  public void unpause(String ref) {
    c.post("/containers/" + enc(ref) + "/unpause", null, null).close();
  }

  public void rename(String ref, String name) {
    c.post("/containers/" + enc(ref) + "/rename", Query.of().add("name", name), null).close();
  }

  public JsonNode update(String ref, Object body) {
    return c.postJson("/containers/" + enc(ref) + "/update", null, body);
  }

  /** {@code POST /wait}: blocks until the condition; returns {@code {"StatusCode":n, "Error":...}}. */
  public Response waitFor(String ref, String condition) {
    return c.post("/containers/" + enc(ref) + "/wait", Query.of().add("condition", blankToNull(condition)), null);
  }

  /** Registers a wait without blocking; see {@link PendingResponse}. */
  public PendingResponse waitPending(String ref, String condition) {
    return c.postPending("/containers/" + enc(ref) + "/wait", Query.of().add("condition", blankToNull(condition)));
  }

  public JsonNode top(String ref, String psArgs) {
    return c.getJson("/containers/" + enc(ref) + "/top", Query.of().add("ps_args", blankToNull(psArgs)));
  }

  public JsonNode changes(String ref) {
    return c.getJson("/containers/" + enc(ref) + "/changes", null);
  }

  public Response logs(String ref, Query q) {
    return c.get("/containers/" + enc(ref) + "/logs", q);
  }

  public Response stats(String ref, boolean stream) {
    return c.get("/containers/" + enc(ref) + "/stats", Query.of().add("stream", stream ? "1" : "0"));
  }

  public Response export(String ref) {
    return c.get("/containers/" + enc(ref) + "/export", null);
  }

  public JsonNode prune(Map<String, List<String>> filters) {
    return c.postJson("/containers/prune", Query.of().filters(filters), null);
  }

  public void resize(String ref, int height, int width) {
    c.post("/containers/" + enc(ref) + "/resize", Query.of().add("h", height).add("w", width), null).close();
  }

  /** Hijacked attach; {@code logs} replays earlier output first (docker attach does not). */
  public HijackedStream attach(String ref, boolean stdin, boolean stdout, boolean stderr, String detachKeys) {
    return c.hijack("/containers/" + enc(ref) + "/attach", Query.of().add("stream", 1)
        .flag("stdin", stdin).flag("stdout", stdout).flag("stderr", stderr)
        .add("detachKeys", blankToNull(detachKeys)), null);
  }

  /** {@code GET /archive}: a tar stream; the X-Docker-Container-Path-Stat header describes the path. */
  public Response getArchive(String ref, String path) {
    return c.get("/containers/" + enc(ref) + "/archive", Query.of().add("path", path));
  }

  /** {@code HEAD /archive}: the path's stat, or NotFound. */
  public PathStat statPath(String ref, String path) {
    try (Response r = c.call("HEAD", "/containers/" + enc(ref) + "/archive", Query.of().add("path", path), null, Map.of())) {
      return WireRecords.pathStat(r.header("x-docker-container-path-stat"));
    }
  }

  public void putArchive(String ref, String path, InputStream tar, boolean noOverwriteDirNonDir, boolean copyUidGid) {
    c.upload("PUT", "/containers/" + enc(ref) + "/archive", Query.of().add("path", path)
        .flag("noOverwriteDirNonDir", noOverwriteDirNonDir).flag("copyUIDGID", copyUidGid),
        tar, "application/x-tar").close();
  }

  public IdResponse commit(Query q, Object config) {
    return WireRecords.idResponse(c.postJson("/commit", q, config));
  }

  private static boolean notModified(Runnable r) {
    try {
      r.run();
      return true;
    } catch (NotModified e) {
      return false;
    }
  }

  static String enc(String ref) {
    return java.net.URLEncoder.encode(ref, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
