package berth.image;

import berth.content.ContentStore;
import berth.core.Digest;
import berth.core.Ids;
import berth.core.Json;
import berth.core.errors.Internal;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import berth.core.io.AtomicFiles;
import berth.snapshot.LayerApplier;
import berth.snapshot.Snapshotter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Unpacks layers (uncompressed tars in the content store, by DiffID) into committed snapshots
 * named by chain id, each at most once: prepare on the parent chain, apply, verify the DiffID,
 * commit. Remembers each layer's unpacked size in {@code <layersDir>/<chain hex>.json}.
 */
final class LayerUnpacker {
  /** Keys of snapshots being unpacked into. */
  static final String KEY_PREFIX = "extract-";

  private final ContentStore content;
  private final Snapshotter snapshots;
  private final Path layersDir;

  LayerUnpacker(ContentStore content, Snapshotter snapshots, Path layersDir) {
    this.content = content;
    this.snapshots = snapshots;
    this.layersDir = layersDir;
  }

  /** Makes sure every layer is unpacked; returns the chain ids, bottom first. */
  List<Digest> unpack(List<Digest> diffIds) {
    List<Digest> chain = ConfigCodec.chainIds(diffIds);
    for (int i = 0; i < chain.size(); i++) {
      String name = chain.get(i).toString();
      if (snapshots.stat(name).isPresent()) {
        continue;
      }
      if (!content.exists(diffIds.get(i))) {
        throw new NotFound("layer " + diffIds.get(i) + " not found in the content store");
      }
      unpackOne(diffIds.get(i), name, i == 0 ? null : chain.get(i - 1).toString());
    }
    return chain;
  }

  private void unpackOne(Digest diffId, String name, String parent) {
    String key = KEY_PREFIX + Ids.newId().substring(0, 16);
    snapshots.prepare(key, parent);
    try (InputStream in = content.open(diffId)) {
      LayerApplier.Result r = new LayerApplier().apply(snapshots.upperDir(key), in);
      if (!r.diffId().equals(diffId)) {
        throw new InvalidArgument("invalid diffID for layer: expected " + diffId + ", got " + r.diffId());
      }
      AtomicFiles.write(metaFile(name), Json.MAPPER.writeValueAsBytes(Map.of("diffId", diffId.toString(),
          "size", r.size())));
      snapshots.commit(name, key);
    } catch (IOException e) {
      snapshots.remove(key);
      throw new Internal("unpack layer " + diffId + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      snapshots.remove(key);
      throw e;
    }
  }

  /**
   * Commits active snapshot {@code key} (on {@code parentChain}) as the unpacked snapshot of layer
   * {@code diffId}; false when that chain is unpacked already.
   */
  boolean adopt(String key, String parentChain, Digest diffId, long size) {
    Digest chain = parentChain == null ? diffId
        : Digest.of((parentChain + " " + diffId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String name = chain.toString();
    if (snapshots.stat(name).isPresent()) {
      return false;
    }
    try {
      AtomicFiles.write(metaFile(name), Json.MAPPER.writeValueAsBytes(Map.of("diffId", diffId.toString(),
          "size", size)));
    } catch (IOException e) {
      throw new Internal("adopt layer " + diffId + ": " + e.getMessage(), e);
    }
    snapshots.commit(name, key);
    return true;
  }

  /** Bytes of file content in one layer (0 when unknown). */
  long size(Digest chainId) {
    Path f = metaFile(chainId.toString());
    try {
      return Files.exists(f) ? Json.MAPPER.readTree(f.toFile()).path("size").asLong(0) : 0;
    } catch (IOException e) {
      return 0;
    }
  }

  /** Removes a layer's snapshot; false when something (a container) still sits on it. */
  boolean remove(Digest chainId) {
    try {
      snapshots.remove(chainId.toString());
      Files.deleteIfExists(metaFile(chainId.toString()));
      return true;
    } catch (berth.core.errors.Conflict busy) {
      return false;
    } catch (IOException e) {
      throw new Internal("remove layer " + chainId + ": " + e.getMessage(), e);
    }
  }

  private Path metaFile(String chainName) {
    return layersDir.resolve(chainName.substring(chainName.indexOf(':') + 1) + ".json");
  }
}
