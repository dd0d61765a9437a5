package berth.api.routes;

import berth.api.http.ErrorMapper;
import berth.api.http.Request;
import berth.api.http.Response;
import berth.api.http.Router;
import berth.build.BuildOptions;
import berth.build.BuildOutput;
import berth.build.Builder;
import berth.build.Cancellation;
import berth.build.StepFailed;
import berth.core.Json;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotImplemented;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /build} with the classic builder's JSON stream: {@code stream} lines, {@code aux}
 * with the image id, {@code errorDetail} on failure. A failure before the first line (bad
 * Dockerfile, bad tag) is an HTTP error, as Docker answers while nothing was flushed yet.
 */
public final class BuildRoutes {
  private final Builder builder;

  public BuildRoutes(Builder builder) {
    this.builder = builder;
  }

  public void register(Router r) {
    r.post("/build", this::build);
  }

  private void build(Request q, Response s) throws IOException {
    String remote = q.query("remote");
    if (remote != null && !remote.isEmpty()) {
      throw new NotImplemented("building from a remote context (" + remote + ") is not supported by Berth yet");
    }
    BuildOptions o = options(q);
    Cancellation cancel = new Cancellation();
    s.onClose(cancel::cancel);
    s.onInputShutdown(cancel::cancel);
    JsonLines out = new JsonLines(s);
    try {
      builder.build(q.body(), o, out, cancel);
    } catch (StepFailed e) {
      out.error(e.getMessage(), e.code());
    } catch (RuntimeException e) {
      if (!out.started()) {
        throw e;
      }
      out.error(ErrorMapper.map(e).message(), null);
    }
    out.close();
  }

  static BuildOptions options(Request q) throws IOException {
    List<String> tags = new ArrayList<>();
    for (String t : q.queryAll("t")) {
      if (!t.isEmpty()) {
        tags.add(t);
      }
    }
    List<String> hosts = new ArrayList<>();
    for (String h : q.queryAll("extrahosts")) {
      for (String p : h.split(",")) {
        if (!p.isBlank()) {
          hosts.add(p.trim());
        }
      }
    }
    return new BuildOptions(empty(q.query("dockerfile")), tags, map(q.query("buildargs"), "buildargs"),
        map(q.query("labels"), "labels"), empty(q.query("target")), q.bool("nocache"), q.bool("rm", true),
        q.bool("forcerm"), q.bool("q"), empty(q.query("networkmode")), hosts, empty(q.query("platform")));
  }

  private static Map<String, String> map(String json, String name) {
    if (json == null || json.isEmpty()) {
      return Map.of();
    }
    try {
      Map<String, String> m = Json.MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
      return m == null ? Map.of() : m;
    } catch (IOException e) {
      throw new InvalidArgument("invalid " + name + " parameter: " + e.getMessage(), e);
    }
  }

  private static String empty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** The build's output as JSON lines; the response head goes out with the first line. */
  private static final class JsonLines implements BuildOutput {
    private final Response response;
    private OutputStream out;

    JsonLines(Response response) {
      this.response = response;
    }

    boolean started() {
      return out != null;
    }

    private void write(Map<String, Object> msg) {
      try {
        if (out == null) {
          out = response.stream(200, "application/json");
        }
        byte[] line = Json.MAPPER.writeValueAsBytes(msg);
        out.write(line);
        out.write('\n');
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void stream(String text) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("stream", text);
      write(m);
    }

    @Override
    public void aux(String imageId) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("aux", Map.of("ID", imageId));
      write(m);
    }

    void error(String message, Integer code) {
      Map<String, Object> detail = new LinkedHashMap<>();
      if (code != null) {
        detail.put("code", code);
      }
      detail.put("message", message);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("errorDetail", detail);
      m.put("error", message);
      write(m);
    }

    void close() throws IOException {
      if (out == null) {
        out = response.stream(200, "application/json");
      }
      out.close();
    }
  }
}
