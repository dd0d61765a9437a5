package berth.build;

import berth.core.Digest;
import berth.core.Json;
import berth.core.errors.Internal;
import berth.core.errors.NotFound;
import berth.image.Image;
import berth.image.ImageStore;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Makes each step's image: writes the image config as Docker's classic builder does (config,
 * container_config holding the step's command, one history entry per step with
 * {@code empty_layer} when the step added no layer) and registers it with its parent.
 * Also the step cache's front door: {@link #cached} answers a key with the image it produced.
 */
final class StepCommitter {
  private final ImageStore images;
  private final BuildCache cache;
  private final String defaultArch;

  StepCommitter(ImageStore images, BuildCache cache, String defaultArch) {
    this.images = images;
    this.cache = cache;
    this.defaultArch = defaultArch;
  }

  /** The image a step with this key made before, if it still exists. */
  Optional<Image> cached(String key) {
    return cache.get(key).flatMap(images::resolve);
  }

  /**
   * Commits a step: {@code layer} (null: none) on top of the state's layers, the state's config
   * and a history entry {@code createdBy}; moves the state to the new image and caches it.
   *
   * @param stepCmd the command the classic builder records as container_config.Cmd
   * @param containerId the container the step ran in, "" for none
   */
  Image commit(StageState s, String key, List<String> stepCmd, Digest layer, String containerId) {
    String createdBy = String.join(" ", stepCmd);
    s.config.image = s.imageId();
    s.history.add(s.entry(createdBy, layer == null));
    if (layer != null) {
      s.diffIds.add(layer);
    }
    Instant created = s.history.getLast().created();
    byte[] cfg = configJson(s, stepCmd, containerId, created);
    Image img = images.create(cfg, s.image, null);
    s.at(img);
    if (key != null) {
      cache.put(key, img.id().toString());
    }
    return img;
  }

  /** An image with no layers and an empty config: what RUN needs under a stage FROM scratch. */
  Image scratch(StageState s) {
    byte[] cfg = configJson(s, null, "", Instant.EPOCH);
    return images.create(cfg, null, null);
  }

  private byte[] configJson(StageState s, List<String> stepCmd, String containerId, Instant created) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("architecture", s.architecture == null ? defaultArch : s.architecture);
    if (!s.author.isEmpty()) {
      root.put("author", s.author);
    }
    root.set("config", Json.MAPPER.valueToTree(s.config.toJson(null)));
    if (!containerId.isEmpty()) {
      root.put("container", containerId);
    }
    if (stepCmd != null) {
      root.set("container_config", Json.MAPPER.valueToTree(s.config.toJson(stepCmd)));
    }
    root.put("created", created.toString());
    ArrayNode history = root.putArray("history");
    for (Image.HistoryEntry h : s.history) {
      ObjectNode e = history.addObject();
      if (h.created() != null) {
        e.put("created", h.created().toString());
      }
      if (h.author() != null && !h.author().isEmpty()) {
        e.put("author", h.author());
      }
      if (h.createdBy() != null && !h.createdBy().isEmpty()) {
        e.put("created_by", h.createdBy());
      }
      if (h.comment() != null && !h.comment().isEmpty()) {
        e.put("comment", h.comment());
      }
      if (h.emptyLayer()) {
        e.put("empty_layer", true);
      }
    }
    root.put("os", s.os);
    ObjectNode rootfs = root.putObject("rootfs");
    rootfs.put("type", "layers");
    ArrayNode ids = rootfs.putArray("diff_ids");
    s.diffIds.forEach(d -> ids.add(d.toString()));
    try {
      return Json.MAPPER.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new Internal("write image config: " + e.getMessage(), e);
    }
  }

  /** Resolves an image the build names (FROM, COPY --from); no pull yet. */
  Image require(String ref) {
    return images.resolve(ref).orElseThrow(() -> new NotFound("pull access denied for " + familiar(ref)
        + ", repository does not exist or may require 'docker login': Berth cannot pull images yet"));
  }

  private static String familiar(String ref) {
    try {
      return berth.core.ImageRef.parse(ref).familiarName();
    } catch (RuntimeException e) {
      return ref;
    }
  }
}
