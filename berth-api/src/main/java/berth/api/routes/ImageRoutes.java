package berth.api.routes;

import berth.api.http.Request;
import berth.api.http.Response;
import berth.api.http.Router;
import berth.api.model.ContainerConfig;
import berth.core.Json;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import berth.core.errors.NotImplemented;
import berth.engine.ImageService;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** /images/... and /commit. */
public final class ImageRoutes {
  private final ImageService images;

  public ImageRoutes(ImageService images) {
    this.images = images;
  }

  public void register(Router r) {
    r.post("/images/create", this::create);
    r.get("/images/json", (q, s) -> s.json(200, images.list(q.bool("all"), q.filters())));
    r.post("/images/prune", (q, s) -> s.json(200, images.prune(q.filters())));
    r.post("/images/load", this::load);
    r.get("/images/get", (q, s) -> save(s, q.queryAll("names")));
    r.get("/images/search", (q, s) -> {
      throw new NotImplemented("image search is not supported: Berth has no registry access yet");
    });
    r.post("/commit", this::commit);
    r.get("/images/{name*}/json", (q, s) -> s.json(200, images.inspect(q.param("name"))));
    r.get("/images/{name*}/history", (q, s) -> s.json(200, images.history(q.param("name"))));
    r.get("/images/{name*}/get", (q, s) -> save(s, List.of(q.param("name"))));
    r.post("/images/{name*}/tag", (q, s) -> {
      images.tag(q.param("name"), q.query("repo"), ContainerRoutes.emptyToNull(q.query("tag")));
      s.empty(201);
    });
    r.post("/images/{name*}/push", (q, s) -> {
      throw new NotImplemented("image push is not supported: Berth has no registry access yet");
    });
    r.delete("/images/{name*}", (q, s) -> s.json(200, images.remove(q.param("name"), q.bool("force"), q.bool("noprune"))));
  }

  private void create(Request q, Response s) throws IOException {
    String fromImage = q.query("fromImage");
    String fromSrc = q.query("fromSrc");
    if (fromImage != null && !fromImage.isEmpty()) {
      String tag = q.query("tag");
      String name = tag == null || tag.isEmpty() || fromImage.contains("@") ? fromImage : fromImage + ":" + tag;
      throw new NotFound("pull access denied for " + repoOf(name)
          + ", repository does not exist or may require 'docker login'");
    }
    if (fromSrc == null || fromSrc.isEmpty()) {
      throw new InvalidArgument("one of fromImage or fromSrc is required");
    }
    if (!fromSrc.equals("-")) {
      throw new NotImplemented("importing from a URL is not supported; send the tar in the request body (fromSrc=-)");
    }
    String id = images.importImage(q.body(), ContainerRoutes.emptyToNull(q.query("repo")),
        ContainerRoutes.emptyToNull(q.query("tag")), q.queryAll("changes"), q.query("message"),
        ContainerRoutes.emptyToNull(q.query("platform")));
    s.json(200, Map.of("status", id));
  }

  /** "docker.io/library/busybox:latest" → "busybox", as Docker names the repository in a pull error. */
  private static String repoOf(String name) {
    try {
      return berth.core.ImageRef.parse(name).familiarName();
    } catch (RuntimeException e) {
      // not a valid reference: report it as typed
    }
    int at = name.indexOf('@');
    String n = at >= 0 ? name.substring(0, at) : name;
    int colon = n.lastIndexOf(':');
    return colon > n.lastIndexOf('/') ? n.substring(0, colon) : n;
  }

  private void save(Response s, List<String> names) throws IOException {
    if (names.isEmpty()) {
      throw new InvalidArgument("no images given to save");
    }
    // save raises NotFound before writing, but the head must not go out first: buffer the start.
    DeferredStream out = new DeferredStream(s, "application/x-tar");
    images.save(names, out);
    out.close();
  }

  private void load(Request q, Response s) throws IOException {
    boolean quiet = q.bool("quiet");
    List<String> lines = images.load(q.body(), quiet);
    OutputStream out = s.stream(200, "application/json");
    for (String line : lines) {
      Map<String, Object> msg = new LinkedHashMap<>();
      msg.put("stream", line.endsWith("\n") ? line : line + "\n");
      out.write(Json.MAPPER.writeValueAsBytes(msg));
      out.write('\n');
    }
    out.close();
  }

  private void commit(Request q, Response s) throws IOException {
    ContainerConfig config = q.json(ContainerConfig.class);
    String container = q.query("container");
    if (container == null || container.isEmpty()) {
      throw new InvalidArgument("bad parameter: container is required");
    }
    List<String> changes = new ArrayList<>(q.queryAll("changes"));
    changes.removeIf(String::isEmpty);
    s.json(201, images.commit(container, ContainerRoutes.emptyToNull(q.query("repo")),
        ContainerRoutes.emptyToNull(q.query("tag")), q.query("comment"), q.query("author"), q.bool("pause", true),
        changes, config));
  }

  /** Sends the response head only with the first byte, so errors raised before it keep their status. */
  private static final class DeferredStream extends OutputStream {
    private final Response response;
    private final String contentType;
    private OutputStream out;

    DeferredStream(Response response, String contentType) {
      this.response = response;
      this.contentType = contentType;
    }

    private OutputStream out() throws IOException {
      if (out == null) {
        out = response.stream(200, contentType);
      }
      return out;
    }

    @Override
    public void write(int b) throws IOException {
      out().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out().write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out().close();
    }
  }
}
