package berth.snapshot;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Layered filesystems for images and containers. A <em>key</em> names an active (writable)
 * snapshot, a <em>name</em> a committed (read-only) one. Lifecycle of unpacking a layer:
 *
 * <pre>{@code
 * List<Mount> m = snapshotter.prepare("extract-1", parentName); // empty parent: null
 * layerApplier.apply(snapshotter.upperDir("extract-1"), tarStream); // write the layer's changes
 * snapshotter.commit(chainId, "extract-1");                       // now read-only, named
 * // a container: prepare(containerId, imageChainId) -> mounts -> Mounter.mount(mounts, rootfs)
 * }</pre>
 */
public interface Snapshotter {
  /** Creates an active snapshot on top of {@code parent} (null for none); returns its mounts. */
  List<Mount> prepare(String key, String parent);

  /** Like prepare, but read-only (no upper dir). */
  List<Mount> view(String key, String parent);

  /** The mounts of an existing active snapshot or view. */
  List<Mount> mounts(String key);

  /** Turns active snapshot {@code key} into committed snapshot {@code name}. */
  void commit(String name, String key);

  /** Removes a snapshot; committed snapshots with children are refused. Absent is fine. */
  void remove(String keyOrName);

  Optional<SnapshotInfo> stat(String keyOrName);

  /** The directory holding the active snapshot's own changes (overlay upperdir). */
  Path upperDir(String key);

  /** Bytes and inodes used by the snapshot's own layer. */
  Usage usage(String keyOrName);

  /** Every snapshot (keys and names); implementations that cannot list return an empty list. */
  default List<SnapshotInfo> list() {
    return List.of();
  }

  /** Information about one snapshot. */
  record SnapshotInfo(String name, String parent, Kind kind) {}

  /** Whether a snapshot is writable, read-only view, or committed. */
  enum Kind { ACTIVE, VIEW, COMMITTED }

  /** Disk usage of one snapshot's own layer. */
  record Usage(long size, long inodes) {}
}
