package berth.build;

import berth.content.ContentStore;
import berth.core.Digest;
import berth.core.Ids;
import berth.core.errors.Internal;
import berth.snapshot.Mounter;
import berth.snapshot.Snapshotter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns file work into a layer without a container: prepare a snapshot on the image's top layer,
 * mount it, let the step write (COPY, ADD, WORKDIR), unmount, and stream the upper dir as a
 * layer tar into the content store. The snapshot is removed whatever happens, so a failed step
 * leaves no mount and no temporary layer. Snapshot keys start with {@link #KEY_PREFIX}; any left
 * by a crash are removed when the builder opens.
 */
final class LayerMaker {
  static final String KEY_PREFIX = "build-";

  /** Work on the mounted root filesystem. */
  @FunctionalInterface
  interface RootWork {
    void run(Path root) throws IOException;
  }

  private final Snapshotter snapshots;
  private final ContentStore content;
  private final berth.image.ImageStore images;
  private final Path mountDir;
  private final Mounter mounter = new Mounter();

  LayerMaker(Snapshotter snapshots, ContentStore content, berth.image.ImageStore images, Path mountDir) {
    this.snapshots = snapshots;
    this.content = content;
    this.images = images;
    this.mountDir = mountDir;
  }

  /** Removes build snapshots and mount points a crash left behind. */
  void removeLeftovers() {
    for (Snapshotter.SnapshotInfo info : snapshots.list()) {
      if (info.kind() != Snapshotter.Kind.COMMITTED && info.name().startsWith(KEY_PREFIX)) {
        Path mp = mountDir.resolve(info.name());
        try {
          if (mounter.isMounted(mp)) {
            mounter.unmount(mp);
          }
        } catch (RuntimeException ignored) {
          // removing the snapshot below is what matters
        }
        snapshots.remove(info.name());
      }
    }
  }

  /**
   * Runs {@code work} on a writable root over {@code parentSnapshot} (null: empty) and returns
   * the resulting layer's DiffID, or empty when the work changed nothing.
   */
  Optional<Digest> make(String parentSnapshot, RootWork work) {
    String key = KEY_PREFIX + Ids.newId().substring(0, 16);
    Path mp = mountDir.resolve(key);
    boolean adopted = false;
    try {
      snapshots.prepare(key, parentSnapshot);
      Files.createDirectories(mp);
      mounter.mount(snapshots.mounts(key), mp);
      try {
        work.run(mp);
      } finally {
        mounter.unmount(mp);
      }
      Path upper = snapshots.upperDir(key);
      Optional<Digest> layer = commitUpper(upper);
      if (layer.isPresent()) {
        // the snapshot already holds the layer: it becomes the layer's snapshot, no second unpack
        adopted = images.adoptLayer(key, parentSnapshot, layer.get(), contentBytes(upper));
      }
      return layer;
    } catch (IOException e) {
      throw new Internal("write build layer: " + e.getMessage(), e);
    } finally {
      try {
        if (!adopted) {
          snapshots.remove(key);
        }
        Files.deleteIfExists(mp);
      } catch (IOException | RuntimeException ignored) {
        // removeLeftovers takes it at the next start
      }
    }
  }

  private static long contentBytes(Path upper) throws IOException {
    try (var walk = Files.walk(upper)) {
      return walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    }
  }

  /** Streams an upper dir into the content store as an uncompressed layer; empty when nothing changed. */
  Optional<Digest> commitUpper(Path upper) throws IOException {
    try (var s = Files.list(upper)) {
      if (s.findAny().isEmpty()) {
        return Optional.empty();
      }
    }
    PipedInputStream in = new PipedInputStream(1 << 20);
    PipedOutputStream out = new PipedOutputStream(in);
    java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
    Thread writer = Thread.ofVirtual().start(() -> {
      try (out) {
        // LayerWriter's own digest is not needed: the content store computes the DiffID
        berth.snapshot.archive.TarTreeWriter w = new berth.snapshot.archive.TarTreeWriter(out, true);
        w.addChildren(upper, "");
        w.finish();
      } catch (IOException | RuntimeException e) {
        failed.set(e);
      }
    });
    Digest d;
    try (InputStream src = in) {
      d = content.write(src, Optional.empty(), -1);
    } finally {
      try {
        writer.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (failed.get() != null) {
      content.delete(d); // a short tar must not stay behind as a layer
      throw new Internal("write build layer: " + failed.get().getMessage(), failed.get());
    }
    return Optional.of(d);
  }
}
