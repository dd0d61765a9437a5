package berth.cli.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code docker images} formatting context: one row per repo:tag (or one {@code <none>} row). */
public final class ImageRows {
  public static final String DEFAULT_TABLE = "{{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";
  public static final String DIGESTS_TABLE =
      "{{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}";

  private ImageRows() {}

  public static Map<String, Object> header() {
    Map<String, Object> h = new TreeMap<>();
    h.put("Repository", "REPOSITORY");
    h.put("Tag", "TAG");
    h.put("ID", "IMAGE ID");
    h.put("Digest", "DIGEST");
    h.put("CreatedSince", "CREATED");
    h.put("CreatedAt", "CREATED AT");
    h.put("Size", "SIZE");
    h.put("Containers", "CONTAINERS");
    h.put("SharedSize", "SHARED SIZE");
    h.put("UniqueSize", "UNIQUE SIZE");
    h.put("VirtualSize", "VIRTUAL SIZE");
    return h;
  }

  /** Rows for one image summary; dangling images ({@code <none>:<none>}) only when {@code showDangling}. */
  public static List<Map<String, Object>> rows(JsonNode img, boolean trunc, long nowMillis) {
    List<Map<String, Object>> out = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    img.path("RepoTags").forEach(t -> {
      if (!t.asText().equals("<none>:<none>")) {
        tags.add(t.asText());
      }
    });
    String digest = "<none>";
    JsonNode digests = img.path("RepoDigests");
    if (digests.size() > 0) {
      String d = digests.get(0).asText();
      digest = d.substring(d.indexOf('@') + 1);
    }
    if (tags.isEmpty()) {
      String repo = "<none>";
      if (digests.size() > 0) {
        String d = digests.get(0).asText();
        repo = d.substring(0, d.indexOf('@'));
      }
      out.add(row(img, repo, "<none>", digest, trunc, nowMillis));
    }
    for (String t : tags) {
      int colon = t.lastIndexOf(':');
      boolean hasTag = colon > t.lastIndexOf('/');
      out.add(row(img, hasTag ? t.substring(0, colon) : t, hasTag ? t.substring(colon + 1) : "<none>",
          digest, trunc, nowMillis));
    }
    return out;
  }

  private static Map<String, Object> row(JsonNode img, String repo, String tag, String digest, boolean trunc, long now) {
    Map<String, Object> r = new TreeMap<>();
    String id = img.path("Id").asText();
    r.put("Repository", repo);
    r.put("Tag", tag);
    r.put("ID", trunc ? Text.shortId(id) : id);
    r.put("Digest", digest);
    long created = img.path("Created").asLong();
    r.put("CreatedSince", Durations.ago(created, now));
    r.put("CreatedAt", Text.goTime(created));
    r.put("Size", Units.humanSize(img.path("Size").asDouble(), 3));
    long containers = img.path("Containers").asLong(-1);
    r.put("Containers", containers < 0 ? "N/A" : String.valueOf(containers));
    long shared = img.path("SharedSize").asLong(-1);
    r.put("SharedSize", shared < 0 ? "N/A" : Units.humanSize(shared, 3));
    r.put("UniqueSize", shared < 0 ? "N/A" : Units.humanSize(img.path("Size").asDouble() - shared, 3));
    r.put("VirtualSize", Units.humanSize(img.path("Size").asDouble()));
    return r;
  }
}
