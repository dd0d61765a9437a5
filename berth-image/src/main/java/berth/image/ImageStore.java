package berth.image;

import berth.core.Digest;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Images: names to image ids, configs and layers in the content store, layers unpacked once into
 * the snapshotter. Every method is safe to call from many threads.
 */
public interface ImageStore {
  /**
   * Resolves what a user typed: a name[:tag] (normalised like Docker: busybox means
   * docker.io/library/busybox:latest), a full or unique short id, or sha256:id.
   * Empty when nothing matches; {@code InvalidArgument} for a malformed reference.
   */
  Optional<Image> resolve(String reference);

  List<Image> list();

  /**
   * Imports a root filesystem tar (plain, gzip, bzip2, xz or zstd) as a one-layer image, with
   * config changes already applied to {@code config}; tags it when {@code repoTag} is not null.
   */
  Image importRootfs(InputStream tar, ImageConfig config, String repoTag, String message, Instant created);

  /**
   * Commits a container's changes: {@code upperDir} (an overlay upper dir, whiteouts included)
   * becomes a new layer on top of {@code parent} (null: from scratch).
   */
  Image commit(Path upperDir, Image parent, ImageConfig config, String author, String comment,
      String createdBy, String repoTag);

  /**
   * Registers a complete image config (the bytes whose sha256 becomes the image id) whose layers
   * are already in the content store as uncompressed tars named by their DiffIDs: unpacks what is
   * not unpacked yet, records {@code parent} (null: none) as the local parent, tags it when
   * {@code repoTag} is not null. The builder writes its own configs (history with empty_layer,
   * container_config), so it needs this rather than {@link #commit}.
   */
  default Image create(byte[] config, Image parent, String repoTag) {
    throw new berth.core.errors.NotImplemented("this image store cannot register image configs");
  }

  /**
   * Takes an active snapshot whose upper dir is exactly the layer {@code diffId} (already in the
   * content store, {@code size} bytes of file content) as that layer's unpacked snapshot on top
   * of {@code parentChain} (null: none), so registering an image with it needs no second unpack.
   * The builder uses it for COPY/ADD/WORKDIR layers. False when the store cannot (the caller then
   * removes the snapshot) or the layer is unpacked already.
   */
  default boolean adoptLayer(String activeKey, String parentChain, Digest diffId, long size) {
    return false;
  }

  /** Adds a name; an existing tag moves to the new image (the old one may become dangling). */
  void tag(Image image, String repoTag);

  /**
   * Removes a name or the image, Docker's way: untags when the reference is one name of many;
   * deletes when it is the last name or an id. {@code inUse} says whether a container uses an
   * image id; such images are refused (409) unless {@code force}.
   */
  List<DeleteResult> remove(String reference, boolean force, boolean noPrune, Predicate<Digest> inUse);

  /**
   * Like {@link #remove(String, boolean, boolean, Predicate)}, but {@code usedBy} names the
   * container using an image id (running ones cannot be forced), so conflicts carry Docker's
   * full messages ("container 0123456789ab is using its referenced image ...").
   */
  default List<DeleteResult> untagOrDelete(String reference, boolean force, boolean noPrune,
      Function<Digest, Optional<ImageUser>> usedBy) {
    return remove(reference, force, noPrune, d -> usedBy.apply(d).isPresent());
  }

  /** A container using an image. */
  record ImageUser(String containerId, boolean running) {}

  /** Writes the `docker save` tar format (manifest.json, repositories, OCI layout). */
  void save(List<String> references, OutputStream out);

  /** Reads a `docker save` tar (Docker's or ours); returns the loaded names or ids. */
  List<String> load(InputStream tar);

  /** Mounts-ready parent snapshot name for a container on this image (null: empty rootfs). */
  String snapshotParent(Image image);

  /** Deletes dangling (or with all=true, unused) images; returns what was removed and bytes freed. */
  PruneResult prune(boolean all, Predicate<Digest> inUse);

  /** One line of an image delete's answer, as Docker reports it. */
  record DeleteResult(String untagged, String deleted) {}

  /** What prune removed. */
  record PruneResult(List<DeleteResult> deleted, long spaceReclaimed) {}

  /** Raw config blob digest lookup for inspect of layers. */
  default Optional<Digest> configDigest(Image image) {
    return Optional.of(image.id());
  }
}
