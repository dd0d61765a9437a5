package berth.registry.api;

import berth.core.Digest;
import berth.core.Json;
import berth.registry.http.Reply;
import berth.registry.http.Request;
import berth.registry.spec.ErrorCode;
import berth.registry.spec.MediaTypes;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Listings: {@code tags/list} and {@code _catalog} (paginated with n/last and Link), referrers. */
final class ListRoutes {
  private final Storage s;

  ListRoutes(Storage s) {
    this.s = s;
  }

  void tags(Request req, Reply reply, String name) throws IOException {
    if (!s.repos().exists(name)) {
      throw ErrorCode.NAME_UNKNOWN.error("repository name not known to registry", Map.of("name", name));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", name);
    out.put("tags", page(req, reply, s.repos().tags(name), "/v2/" + name + "/tags/list"));
    reply.json(200, out);
  }

  void catalog(Request req, Reply reply) throws IOException {
    reply.json(200, Map.of("repositories", page(req, reply, s.repos().repositories(), "/v2/_catalog")));
  }

  /**
   * Entries after {@code last}, at most {@code n} of them; when more remain, a
   * {@code Link: <...?n=N&last=X>; rel="next"} header, as the spec's pagination says.
   */
  static List<String> page(Request req, Reply reply, List<String> all, String path) {
    String last = req.param("last");
    String nParam = req.param("n");
    List<String> after = last == null ? all : all.stream().filter(t -> t.compareTo(last) > 0).toList();
    if (nParam == null) {
      return after;
    }
    int n;
    try {
      n = Integer.parseInt(nParam);
    } catch (NumberFormatException e) {
      throw ErrorCode.PAGINATION_NUMBER_INVALID.error("invalid n: " + nParam);
    }
    if (n < 0) {
      throw ErrorCode.PAGINATION_NUMBER_INVALID.error("invalid n: " + nParam);
    }
    List<String> page = after.subList(0, Math.min(n, after.size()));
    if (n > 0 && after.size() > n) {
      reply.header("Link", "<" + path + "?n=" + n + "&last=" + URLEncoder.encode(page.getLast(), StandardCharsets.UTF_8)
          + ">; rel=\"next\"");
    }
    return new ArrayList<>(page);
  }

  void referrers(Request req, Reply reply, String name, String ref) throws IOException {
    Digest subject = Digests.parse(ref);
    String artifactType = req.param("artifactType");
    List<JsonNode> manifests = new ArrayList<>();
    for (byte[] desc : s.repos().referrers(name, subject)) {
      JsonNode d = Json.MAPPER.readTree(desc);
      if (artifactType == null || artifactType.equals(d.path("artifactType").asText(null))) {
        manifests.add(d);
      }
    }
    if (artifactType != null) {
      reply.header("OCI-Filters-Applied", "artifactType");
    }
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("schemaVersion", 2);
    index.put("mediaType", MediaTypes.OCI_INDEX);
    index.put("manifests", manifests);
    reply.bytes(200, MediaTypes.OCI_INDEX, Json.MAPPER.writeValueAsBytes(index));
  }
}
