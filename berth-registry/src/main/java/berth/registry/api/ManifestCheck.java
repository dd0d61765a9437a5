package berth.registry.api;

import berth.core.Digest;
import berth.core.Json;
import berth.registry.spec.ErrorCode;
import berth.registry.spec.MediaTypes;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a pushed manifest before anything is stored: JSON object, schemaVersion 2, a media
 * type we store (Content-Type, else the body's {@code mediaType}; the two must agree), well-formed
 * descriptors. Schema 1 and unknown types are MANIFEST_INVALID. Pure: no storage access.
 */
final class ManifestCheck {
  private ManifestCheck() {}

  /** What storage needs from a valid manifest. */
  record Checked(String mediaType, List<Digest> blobs, List<Digest> children, Digest subject, JsonNode json) {
    /** The descriptor the referrers API lists for this manifest. */
    Map<String, Object> referrerDescriptor(Digest d, long size) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("mediaType", mediaType);
      m.put("digest", d.toString());
      m.put("size", size);
      String artifactType = ManifestRoutes.text(json, "artifactType").orElse(null);
      if (artifactType == null && json.path("config").isObject()) {
        artifactType = ManifestRoutes.text(json.get("config"), "mediaType").orElse(null);
      }
      if (artifactType != null) {
        m.put("artifactType", artifactType);
      }
      if (json.path("annotations").isObject()) {
        m.put("annotations", json.get("annotations"));
      }
      return m;
    }
  }

  static Checked check(byte[] body, String contentType) {
    JsonNode n;
    try {
      n = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw invalid("manifest is not valid JSON: " + firstLine(e.getMessage()));
    }
    if (n == null || !n.isObject()) {
      throw invalid("manifest must be a JSON object");
    }
    String ct = contentType == null ? "" : contentType.split(";", 2)[0].trim();
    String declared = ManifestRoutes.text(n, "mediaType").orElse(null);
    if (ct.equals(MediaTypes.DOCKER_SCHEMA1) || ct.equals(MediaTypes.DOCKER_SCHEMA1_SIGNED) || n.path("schemaVersion").asInt() == 1) {
      throw invalid("schema 1 manifests are not supported: push an OCI or Docker schema 2 manifest");
    }
    String mt;
    if (MediaTypes.known(ct)) {
      mt = ct;
      if (declared != null && !declared.equals(ct)) {
        throw invalid("mediaType " + declared + " in the manifest does not match Content-Type " + ct);
      }
    } else if ((ct.isEmpty() || ct.equals("application/json") || ct.equals("application/octet-stream"))
        && declared != null && MediaTypes.known(declared)) {
      mt = declared;
    } else {
      throw invalid("unsupported manifest media type: " + (ct.isEmpty() ? String.valueOf(declared) : ct));
    }
    if (n.path("schemaVersion").asInt() != 2) {
      throw invalid("schemaVersion must be 2");
    }
    List<Digest> blobs = new ArrayList<>();
    List<Digest> children = new ArrayList<>();
    if (MediaTypes.IMAGES.contains(mt)) {
      JsonNode config = n.get("config");
      if (config == null || !config.isObject()) {
        throw invalid("manifest has no config descriptor");
      }
      blobs.add(descriptor(config, "config"));
      JsonNode layers = n.get("layers");
      if (layers == null || !layers.isArray()) {
        throw invalid("manifest has no layers array");
      }
      for (int i = 0; i < layers.size(); i++) {
        Digest d = descriptor(layers.get(i), "layers[" + i + "]");
        if (!layers.get(i).path("urls").isArray() || layers.get(i).path("urls").isEmpty()) {
          blobs.add(d); // a foreign layer (with urls) need not be here
        }
      }
    } else {
      JsonNode manifests = n.get("manifests");
      if (manifests == null || !manifests.isArray()) {
        throw invalid("index has no manifests array");
      }
      for (int i = 0; i < manifests.size(); i++) {
        children.add(descriptor(manifests.get(i), "manifests[" + i + "]"));
      }
    }
    Digest subject = null;
    if (n.has("subject")) {
      subject = descriptor(n.get("subject"), "subject");
    }
    return new Checked(mt, blobs, children, subject, n);
  }

  private static Digest descriptor(JsonNode d, String where) {
    if (d == null || !d.isObject()) {
      throw invalid(where + " is not a descriptor");
    }
    String digest = ManifestRoutes.text(d, "digest").orElse(null);
    if (!Digest.isDigest(digest)) {
      throw invalid(where + ": invalid digest " + digest);
    }
    if (!d.path("size").canConvertToLong() || d.path("size").asLong() < 0) {
      throw invalid(where + ": invalid size");
    }
    if (ManifestRoutes.text(d, "mediaType").isEmpty()) {
      throw invalid(where + ": mediaType missing");
    }
    return Digest.parse(digest);
  }

  private static RuntimeException invalid(String msg) {
    return ErrorCode.MANIFEST_INVALID.error(msg);
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
