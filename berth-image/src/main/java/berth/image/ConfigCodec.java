package berth.image;

import berth.core.Digest;
import berth.core.Json;
import berth.core.errors.InvalidArgument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes the image config JSON (the blob whose digest is the image id), with the fields
 * Docker writes: architecture, author, comment, config, created, history, os, rootfs.
 */
final class ConfigCodec {
  private ConfigCodec() {}

  /** The parts of a config the store needs. */
  record Parsed(JsonNode root, List<Digest> diffIds, List<Image.HistoryEntry> history, Instant created,
      ImageConfig config) {}

  static Parsed parse(byte[] json) {
    try {
      JsonNode root = Json.MAPPER.readTree(json);
      if (root == null || !root.isObject()) {
        throw new InvalidArgument("invalid image config: not a JSON object");
      }
      List<Digest> diffIds = new ArrayList<>();
      for (JsonNode d : root.path("rootfs").path("diff_ids")) {
        diffIds.add(Digest.parse(d.asText()));
      }
      List<Image.HistoryEntry> history = new ArrayList<>();
      for (JsonNode h : root.path("history")) {
        history.add(new Image.HistoryEntry(time(h.path("created").asText(null)), h.path("created_by").asText(""),
            h.path("author").asText(""), h.path("comment").asText(""), h.path("empty_layer").asBoolean(false)));
      }
      JsonNode cfg = root.get("config");
      ImageConfig config = cfg == null || cfg.isNull() ? ImageConfig.empty()
          : Json.MAPPER.treeToValue(cfg, ImageConfig.class);
      return new Parsed(root, diffIds, history, time(root.path("created").asText(null)), config);
    } catch (IOException e) {
      throw new InvalidArgument("invalid image config: " + e.getMessage(), e);
    }
  }

  static Instant time(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Builds a config: {@code base}'s layers and history (if any) plus one new layer. */
  static byte[] build(Parsed base, ImageConfig config, Digest newLayer, Instant created, String author,
      String comment, String createdBy) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("architecture", base == null ? "amd64" : base.root().path("architecture").asText("amd64"));
    if (author != null && !author.isEmpty()) {
      root.put("author", author);
    }
    if (comment != null && !comment.isEmpty()) {
      root.put("comment", comment);
    }
    root.set("config", Json.MAPPER.valueToTree(config == null ? ImageConfig.empty() : config));
    root.put("created", created.toString());
    ArrayNode history = root.putArray("history");
    if (base != null) {
      base.root().path("history").forEach(history::add);
    }
    ObjectNode h = history.addObject();
    h.put("created", created.toString());
    if (createdBy != null && !createdBy.isEmpty()) {
      h.put("created_by", createdBy);
    }
    if (author != null && !author.isEmpty()) {
      h.put("author", author);
    }
    if (comment != null && !comment.isEmpty()) {
      h.put("comment", comment);
    }
    root.put("os", base == null ? "linux" : base.root().path("os").asText("linux"));
    ObjectNode rootfs = root.putObject("rootfs");
    rootfs.put("type", "layers");
    ArrayNode ids = rootfs.putArray("diff_ids");
    if (base != null) {
      base.diffIds().forEach(d -> ids.add(d.toString()));
    }
    ids.add(newLayer.toString());
    try {
      return Json.MAPPER.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** chainID(1) = diffID(1); chainID(n) = sha256(chainID(n-1) + " " + diffID(n)). */
  static List<Digest> chainIds(List<Digest> diffIds) {
    List<Digest> out = new ArrayList<>();
    Digest prev = null;
    for (Digest d : diffIds) {
      prev = prev == null ? d : Digest.of((prev + " " + d).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.add(prev);
    }
    return out;
  }
}
