package berth.registry.api;

import berth.core.Json;
import berth.registry.auth.Access;
import berth.registry.auth.AccessGate;
import berth.registry.auth.Credentials;
import berth.registry.auth.TokenAuthority;
import berth.registry.http.Handler;
import berth.registry.http.Reply;
import berth.registry.http.Request;
import berth.registry.spec.ErrorCode;
import berth.registry.spec.Names;
import berth.registry.spec.RegistryException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes of the Distribution API: which path and method is which operation, what access it
 * needs (checked by the {@link AccessGate} before anything else happens), the read-only and
 * delete switches, and the spec's error body for every {@link RegistryException}.
 */
public final class RegistryApi implements Handler {
  private static final Logger LOG = Logger.getLogger(RegistryApi.class.getName());
  private static final Pattern MANIFEST = Pattern.compile("^/v2/(.+)/manifests/([^/]+)$");
  private static final Pattern UPLOADS = Pattern.compile("^/v2/(.+)/blobs/uploads/?$");
  private static final Pattern UPLOAD = Pattern.compile("^/v2/(.+)/blobs/uploads/([^/]+)$");
  private static final Pattern BLOB = Pattern.compile("^/v2/(.+)/blobs/([^/]+)$");
  private static final Pattern TAGS = Pattern.compile("^/v2/(.+)/tags/list$");
  private static final Pattern REFERRERS = Pattern.compile("^/v2/(.+)/referrers/([^/]+)$");

  /** The switches of the configuration that change what the API allows. */
  public record Options(boolean deleteEnabled, boolean readOnly, long maxManifestBytes) {}

  private final AccessGate gate;
  private final TokenAuthority tokens; // null unless token mode
  private final Options options;
  private final ManifestRoutes manifests;
  private final BlobRoutes blobs;
  private final UploadRoutes uploads;
  private final ListRoutes lists;

  public RegistryApi(Storage storage, AccessGate gate, TokenAuthority tokens, Options options) {
    this.gate = gate;
    this.tokens = tokens;
    this.options = options;
    this.manifests = new ManifestRoutes(storage, options.maxManifestBytes());
    this.blobs = new BlobRoutes(storage);
    this.uploads = new UploadRoutes(storage, gate);
    this.lists = new ListRoutes(storage);
  }

  @Override
  public void handle(Request req, Reply reply) throws Exception {
    try {
      route(req, reply);
    } catch (RegistryException e) {
      if (reply.committed()) {
        throw e;
      }
      error(reply, e);
    } catch (IOException e) {
      if (reply.committed()) {
        throw e;
      }
      // a body that ended early, a full disk: the request failed, the server did not
      LOG.log(Level.FINE, req.method() + " " + req.path(), e);
      reply.closeAfter();
      error(reply, ErrorCode.BLOB_UPLOAD_INVALID.error("request failed: " + e.getMessage()).status(
          e instanceof java.io.EOFException ? 400 : 500));
    }
  }

  private void route(Request req, Reply reply) throws IOException {
    String p = req.path();
    String method = req.method();
    if (tokens != null && p.equals(TokenAuthority.PATH)) {
      token(req, reply);
      return;
    }
    if (p.equals("/v2") || p.equals("/v2/")) {
      only(method, "GET", "HEAD");
      gate.check(req, List.of());
      reply.json(200, Map.of());
      return;
    }
    if (p.equals("/v2/_catalog")) {
      only(method, "GET");
      gate.check(req, List.of(Access.CATALOG));
      lists.catalog(req, reply);
      return;
    }
    Matcher m;
    if ((m = MANIFEST.matcher(p)).matches()) {
      String name = guard(req, m.group(1), method, "GET", "HEAD", "PUT", "DELETE");
      switch (method) {
        case "GET", "HEAD" -> manifests.get(req, reply, name, m.group(2));
        case "PUT" -> manifests.put(req, reply, name, m.group(2));
        default -> manifests.delete(reply, name, m.group(2));
      }
    } else if ((m = UPLOADS.matcher(p)).matches()) {
      uploads.start(req, reply, guard(req, m.group(1), method, "POST"));
    } else if ((m = UPLOAD.matcher(p)).matches()) {
      String name = guard(req, m.group(1), method, "GET", "PATCH", "PUT", "DELETE");
      switch (method) {
        case "GET" -> uploads.status(reply, name, m.group(2));
        case "PATCH" -> uploads.patch(req, reply, name, m.group(2));
        case "PUT" -> uploads.finish(req, reply, name, m.group(2));
        default -> uploads.cancel(reply, name, m.group(2));
      }
    } else if ((m = BLOB.matcher(p)).matches()) {
      String name = guard(req, m.group(1), method, "GET", "HEAD", "DELETE");
      if (method.equals("DELETE")) {
        blobs.delete(reply, name, m.group(2));
      } else {
        blobs.get(req, reply, name, m.group(2));
      }
    } else if ((m = TAGS.matcher(p)).matches()) {
      lists.tags(req, reply, guard(req, m.group(1), method, "GET"));
    } else if ((m = REFERRERS.matcher(p)).matches()) {
      lists.referrers(req, reply, guard(req, m.group(1), method, "GET"), m.group(2));
    } else {
      reply.text(404, "404 page not found\n");
    }
  }

  /**
   * Everything a repository route checks before it runs, in this order: the method, the name,
   * the read-only and delete switches, then access.
   */
  private String guard(Request req, String rawName, String method, String... allowed) {
    only(method, allowed);
    String name = Names.name(rawName);
    boolean write = !method.equals("GET") && !method.equals("HEAD");
    boolean uploadCancel = method.equals("DELETE") && req.path().contains("/blobs/uploads/");
    if (write && options.readOnly()) {
      throw ErrorCode.UNSUPPORTED.error("the registry is in read-only mode");
    }
    if (method.equals("DELETE") && !uploadCancel && !options.deleteEnabled()) {
      throw ErrorCode.UNSUPPORTED.error("deletion is disabled in the registry's configuration");
    }
    Access need = !write ? Access.repository(name, "pull")
        : method.equals("DELETE") && !uploadCancel ? Access.repository(name, "delete")
        : Access.repository(name, "pull", "push");
    gate.check(req, List.of(need));
    return name;
  }

  private static void only(String method, String... allowed) {
    for (String a : allowed) {
      if (a.equals(method)) {
        return;
      }
    }
    throw ErrorCode.UNSUPPORTED.error("method " + method + " not allowed here");
  }

  private void token(Request req, Reply reply) throws IOException {
    List<String> scopes = new ArrayList<>(req.query().getOrDefault("scope", List.of()));
    Credentials creds = Credentials.basic(req.header("Authorization"));
    if (req.method().equals("POST")) {
      Map<String, List<String>> form = form(new String(req.body().readNBytes(64 * 1024), StandardCharsets.UTF_8));
      scopes.addAll(form.getOrDefault("scope", List.of()));
      if ("password".equals(first(form, "grant_type"))) {
        creds = new Credentials(first(form, "username"), first(form, "password"));
      }
    } else {
      only(req.method(), "GET");
    }
    reply.json(200, tokens.issue(req, creds, scopes));
  }

  private static String first(Map<String, List<String>> m, String k) {
    List<String> v = m.get(k);
    return v == null || v.isEmpty() ? null : v.getFirst();
  }

  private static Map<String, List<String>> form(String body) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        m.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), k -> new ArrayList<>())
            .add(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return m;
  }

  /** The spec's error body: {@code {"errors":[{"code":..,"message":..,"detail":..}]}}. */
  static void error(Reply reply, RegistryException e) throws IOException {
    e.headers().forEach(reply::header);
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("code", e.code().name());
    one.put("message", e.getMessage());
    if (e.detail() != null) {
      one.put("detail", e.detail());
    }
    reply.bytes(e.status(), "application/json; charset=utf-8",
        Json.MAPPER.writeValueAsBytes(Map.of("errors", List.of(one))));
  }
}
