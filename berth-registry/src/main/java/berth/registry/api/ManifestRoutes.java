package berth.registry.api;

import berth.core.Digest;
import berth.core.Json;
import berth.registry.http.Reply;
import berth.registry.http.Request;
import berth.registry.spec.ErrorCode;
import berth.registry.spec.Names;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /v2/<name>/manifests/<tag or digest>}: GET, HEAD, PUT, DELETE. */
final class ManifestRoutes {
  private final Storage s;
  private final long maxBytes;

  ManifestRoutes(Storage s, long maxBytes) {
    this.s = s;
    this.maxBytes = maxBytes;
  }

  void get(Request req, Reply reply, String name, String ref) throws IOException {
    boolean byTag = !ref.contains(":");
    Digest d = resolve(name, ref);
    String mt = s.repos().manifestMediaType(name, d).orElseThrow(() -> unknown(ref));
    if (byTag && !accepted(req, mt)) {
      // distribution's answer to a client that cannot read what the tag names
      throw ErrorCode.MANIFEST_UNKNOWN.error("manifest of type " + mt + " found, but the Accept header does not allow it");
    }
    byte[] body;
    try {
      body = s.blobs().read(d);
    } catch (java.nio.file.NoSuchFileException e) {
      throw unknown(ref);
    }
    reply.header("Docker-Content-Digest", d.toString()).header("ETag", "\"" + d + "\"").bytes(200, mt, body);
  }

  private Digest resolve(String name, String ref) {
    if (ref.contains(":")) {
      Digest d = Digests.parse(ref);
      if (!s.repos().exists(name)) {
        throw ErrorCode.NAME_UNKNOWN.error("repository name not known to registry", Map.of("name", name));
      }
      return d;
    }
    if (!Names.validTag(ref)) {
      throw ErrorCode.MANIFEST_UNKNOWN.error("invalid tag: " + ref, Map.of("Tag", ref));
    }
    if (!s.repos().exists(name)) {
      throw ErrorCode.NAME_UNKNOWN.error("repository name not known to registry", Map.of("name", name));
    }
    return s.repos().resolveTag(name, ref).orElseThrow(() -> unknown(ref));
  }

  /** No Accept header, or one naming the type or a wildcard. */
  static boolean accepted(Request req, String mt) {
    List<String> accept = req.headers().getAll("Accept");
    if (accept.isEmpty()) {
      return true;
    }
    for (String h : accept) {
      for (String part : h.split(",")) {
        String t = part.split(";", 2)[0].trim();
        if (t.equals(mt) || t.equals("*/*") || t.equals("application/*")) {
          return true;
        }
      }
    }
    return false;
  }

  void put(Request req, Reply reply, String name, String ref) throws IOException {
    byte[] body = req.body().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
    if (body.length > maxBytes) {
      reply.closeAfter();
      throw ErrorCode.SIZE_INVALID.error("manifest larger than " + maxBytes + " bytes").status(413);
    }
    ManifestCheck.Checked m = ManifestCheck.check(body, req.header("Content-Type"));
    Digest d = Digest.of(body);
    boolean byDigest = ref.contains(":");
    if (byDigest && !Digests.parse(ref).equals(d)) {
      throw ErrorCode.DIGEST_INVALID.error("manifest digest " + d + " does not match " + ref);
    }
    if (!byDigest && !Names.validTag(ref)) {
      throw ErrorCode.MANIFEST_INVALID.error("invalid tag: " + ref);
    }
    // checked and stored under the gc lock: what was found here cannot be swept before it is referenced
    s.lock().shared(() -> {
      requireReferenced(name, m);
      s.blobs().put(body);
      s.repos().putManifest(name, d, m.mediaType());
      if (!byDigest) {
        s.repos().tag(name, ref, d);
      }
      if (m.subject() != null) {
        s.repos().addReferrer(name, m.subject(), d, Json.MAPPER.writeValueAsBytes(m.referrerDescriptor(d, body.length)));
      }
      return null;
    });
    if (m.subject() != null) {
      reply.header("OCI-Subject", m.subject().toString());
    }
    reply.header("Location", "/v2/" + name + "/manifests/" + d).header("Docker-Content-Digest", d.toString()).empty(201);
  }

  /** Every layer and the config must be blobs of this repository; every child a manifest of it. */
  private void requireReferenced(String name, ManifestCheck.Checked m) {
    List<String> missing = new ArrayList<>();
    for (Digest b : m.blobs()) {
      if (!s.repos().hasLayer(name, b) || !s.blobs().exists(b)) {
        missing.add(b.toString());
      }
    }
    for (Digest c : m.children()) {
      if (s.repos().manifestMediaType(name, c).isEmpty()) {
        missing.add(c.toString());
      }
    }
    if (!missing.isEmpty()) {
      throw ErrorCode.MANIFEST_BLOB_UNKNOWN.error("manifest references unknown content: " + missing.getFirst(),
          Map.of("digest", missing.getFirst()));
    }
  }

  void delete(Reply reply, String name, String ref) throws IOException {
    boolean gone;
    if (ref.contains(":")) {
      gone = s.repos().deleteManifest(name, Digests.parse(ref));
    } else {
      gone = Names.validTag(ref) && s.repos().untag(name, ref);
    }
    if (!gone) {
      throw unknown(ref);
    }
    reply.empty(202);
  }

  private static RuntimeException unknown(String ref) {
    return ErrorCode.MANIFEST_UNKNOWN.error("manifest unknown", Map.of(ref.contains(":") ? "Digest" : "Tag", ref));
  }

  static Optional<String> text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }
}
