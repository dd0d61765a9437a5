package berth.image;

import berth.core.Digest;
import java.time.Instant;
import java.util.List;

/**
 * An image as the engine sees it: its id (the config digest), names, runtime config, layers
 * (uncompressed diff ids, bottom first) and the snapshot name of its top layer's chain id, which
 * is the parent to prepare a container's rootfs on (null for an image with no layers).
 */
public record Image(
    Digest id,
    List<String> repoTags,
    List<String> repoDigests,
    String parent,
    String comment,
    Instant created,
    String author,
    String architecture,
    String os,
    ImageConfig config,
    List<Digest> diffIds,
    List<HistoryEntry> history,
    long size,
    String topSnapshot) {

  /** One history entry, as in the image config's "history". */
  public record HistoryEntry(
      Instant created, String createdBy, String author, String comment, boolean emptyLayer) {}
}
