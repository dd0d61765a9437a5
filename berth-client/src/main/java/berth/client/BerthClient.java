package berth.client;

import berth.client.internal.HttpConnection;
import berth.client.internal.HttpConnection.Body;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Engine API client. Each call dials the socket afresh (cheap on a Unix socket, and it keeps
 * streaming and hijacked calls independent), negotiates the API version once via {@code /_ping}, and
 * raises {@code berth.core.errors} for non-2xx statuses.
 *
 * <pre>{@code
 * BerthClient c = BerthClient.fromEnv(null);
 * String id = c.containers().create("web", body).get("Id").asText();
 * c.containers().start(id);
 * }</pre>
 */
public final class BerthClient {
  /** The newest API version this client speaks. */
  public static final String API_VERSION = "1.47";

  private final DockerHost host;
  private volatile String version;

  public BerthClient(DockerHost host) {
    this.host = host;
  }

  public static BerthClient fromEnv(String explicitHost) {
    return new BerthClient(DockerHost.resolve(explicitHost, System.getenv()));
  }

  public DockerHost host() {
    return host;
  }

  public ContainerCalls containers() {
    return new ContainerCalls(this);
  }

  public ImageCalls images() {
    return new ImageCalls(this);
  }

  public ExecCalls execs() {
    return new ExecCalls(this);
  }

  public SystemCalls system() {
    return new SystemCalls(this);
  }

  /** The negotiated version: min(ours, the server's API-Version header). */
  public String apiVersion() {
    String v = version;
    if (v == null) {
      v = negotiate();
      version = v;
    }
    return v;
  }

  private String negotiate() {
    HttpConnection.Head head = ping();
    String server = head.header("api-version");
    if (server == null || server.isBlank()) {
      return API_VERSION;
    }
    return compareVersions(server.trim(), API_VERSION) < 0 ? server.trim() : API_VERSION;
  }

  /** {@code GET /_ping}; returns the response head (API-Version, OSType, Builder-Version...). */
  public HttpConnection.Head ping() {
    try (HttpConnection conn = dial()) {
      HttpConnection.Head head = conn.send(new HttpConnection.Request("GET", "/_ping", Map.of(), null));
      byte[] body = conn.body(head, "GET").readAllBytes();
      if (head.status() >= 400) {
        throw ApiErrors.fromResponse(head.status(), body);
      }
      return head;
    } catch (IOException e) {
      throw DaemonUnreachable.of(host, e);
    }
  }

  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int xi = i < x.length ? parseOr0(x[i]) : 0;
      int yi = i < y.length ? parseOr0(y[i]) : 0;
      if (xi != yi) {
        return Integer.compare(xi, yi);
      }
    }
    return 0;
  }

  private static int parseOr0(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  // ---- generic calls ------------------------------------------------------------------------

  public Response get(String path, Query query) {
    return call("GET", path, query, null, Map.of());
  }

  public JsonNode getJson(String path, Query query) {
    return get(path, query).json();
  }

  public Response post(String path, Query query, Object jsonBody) {
    return call("POST", path, query, jsonBody == null ? null : jsonBody(jsonBody), Map.of());
  }

  public JsonNode postJson(String path, Query query, Object jsonBody) {
    try (Response r = post(path, query, jsonBody)) {
      byte[] b = r.body().readAllBytes();
      return JsonTrees.parse(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** POST with a streamed upload (import, load); the body is sent chunked. */
  public Response upload(String method, String path, Query query, InputStream data, String contentType) {
    return call(method, path, query, new Body.Stream(data, contentType), Map.of());
  }

  public void delete(String path, Query query) {
    call("DELETE", path, query, null, Map.of()).close();
  }

  public JsonNode deleteJson(String path, Query query) {
    return call("DELETE", path, query, null, Map.of()).json();
  }

  /** Sends a request; statuses >= 300 become errors (304 as {@code NotModified}). */
  public Response call(String method, String path, Query query, Body body, Map<String, String> headers) {
    String target = "/v" + apiVersion() + path + (query == null ? "" : query.toString());
    HttpConnection conn = dial();
    try {
      HttpConnection.Head head = conn.send(new HttpConnection.Request(method, target, headers, body));
      InputStream in = conn.body(head, method);
      if (head.status() >= 300) {
        byte[] err = in.readAllBytes();
        conn.close();
        throw ApiErrors.fromResponse(head.status(), err);
      }
      return new Response(conn, head, in);
    } catch (IOException e) {
      conn.close();
      throw new UncheckedIOException(method + " " + path + ": " + e.getMessage(), e);
    }
  }

  /** Writes a POST now and reads its answer in the background (see {@link PendingResponse}). */
  public PendingResponse postPending(String path, Query query) {
    String target = "/v" + apiVersion() + path + (query == null ? "" : query.toString());
    HttpConnection conn = dial();
    try {
      conn.writeRequest(new HttpConnection.Request("POST", target, Map.of(), null));
      return new PendingResponse(conn, "POST");
    } catch (IOException e) {
      conn.close();
      throw new UncheckedIOException("POST " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Upgrades a POST into a raw stream ({@code Connection: Upgrade, Upgrade: tcp}); Docker answers
   * 101, and old daemons 200, before switching.
   */
  public HijackedStream hijack(String path, Query query, Object jsonBody) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Connection", "Upgrade");
    headers.put("Upgrade", "tcp");
    String target = "/v" + apiVersion() + path + (query == null ? "" : query.toString());
    HttpConnection conn = dial();
    try {
      HttpConnection.Head head = conn.send(new HttpConnection.Request("POST", target, headers,
          jsonBody == null ? null : jsonBody(jsonBody)));
      if (head.status() != 101 && head.status() != 200) {
        byte[] err = conn.body(head, "POST").readAllBytes();
        conn.close();
        throw ApiErrors.fromResponse(head.status(), err);
      }
      String ct = head.header("content-type");
      return new HijackedStream(conn, ct == null || ct.contains("multiplexed"));
    } catch (IOException e) {
      conn.close();
      throw new UncheckedIOException("POST " + path + ": " + e.getMessage(), e);
    }
  }

  private HttpConnection dial() {
    try {
      return HttpConnection.open(host.socket());
    } catch (IOException e) {
      throw DaemonUnreachable.of(host, e);
    }
  }

  static Body jsonBody(Object body) {
    byte[] data = body instanceof byte[] b ? b : JsonTrees.write(body);
    return new Body.Bytes(data, "application/json");
  }
}
