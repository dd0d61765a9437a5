package berth.registry.storage;

import berth.core.Digest;
import berth.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Blobs by digest: {@code blobs/sha256/<2 hex>/<hex>}. A blob appears only by an atomic rename of
 * a verified, fsynced file ({@link #commit}); two uploads of the same content racing each other
 * both rename identical bytes into place, and a reader holding the old file keeps reading it.
 */
public final class BlobStore {
  private final Path root;

  public BlobStore(Path storageRoot) throws IOException {
    this.root = storageRoot.resolve("blobs").resolve("sha256");
    Files.createDirectories(root);
  }

  public Path path(Digest d) {
    return root.resolve(d.hex().substring(0, 2)).resolve(d.hex());
  }

  public boolean exists(Digest d) {
    return Files.isRegularFile(path(d));
  }

  /** The blob's size, or empty when it is not stored. */
  public OptionalLong size(Digest d) {
    try {
      return OptionalLong.of(Files.size(path(d)));
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /**
   * Moves {@code verified} (already fsynced, whose content hashes to {@code d}) into place.
   * "Already there" is success: the content is the same by construction.
   */
  public void commit(Path verified, Digest d) throws IOException {
    Path target = path(d);
    Files.createDirectories(target.getParent());
    AtomicFiles.moveAtomic(verified, target);
    AtomicFiles.fsyncDir(target.getParent());
  }

  /** Stores small content (manifests) and returns its digest. */
  public Digest put(byte[] content) throws IOException {
    Digest d = Digest.of(content);
    if (!exists(d)) {
      AtomicFiles.write(path(d), content);
    }
    return d;
  }

  public byte[] read(Digest d) throws IOException {
    return Files.readAllBytes(path(d));
  }

  public boolean delete(Digest d) throws IOException {
    try {
      return Files.deleteIfExists(path(d));
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  /** Every stored digest (for GC). Temp files of interrupted writes are not digests and are skipped. */
  public List<Digest> all() throws IOException {
    List<Digest> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root, 2)) {
      s.filter(Files::isRegularFile).forEach(p -> {
        String name = p.getFileName().toString();
        if (Digest.isDigest("sha256:" + name)) {
          out.add(Digest.ofHex(name));
        }
      });
    }
    return out;
  }
}
