package berth.content;

import berth.core.Digest;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Blobs addressed by their sha256 digest. Writes stream into a temp file while hashing, are
 * verified against the expected digest and size when given, then renamed into place: a blob is
 * either fully present and correct or absent. Writing a blob that exists is success.
 *
 * <pre>{@code
 * Digest d = store.write(in, Optional.of(expected), size); // verifies, stores atomically
 * try (InputStream blob = store.open(d)) { ... }
 * }</pre>
 */
public interface ContentStore {
  boolean exists(Digest digest);

  /** Size in bytes; {@code NotFound} when absent. */
  long size(Digest digest);

  /** Opens the blob for reading; {@code NotFound} when absent. */
  InputStream open(Digest digest);

  /** Where the blob lives on disk (read-only use, e.g. zero-copy sends). */
  Path path(Digest digest);

  /**
   * Stores the stream. With an expected digest (and size &gt;= 0) a mismatch stores nothing and
   * raises {@code InvalidArgument} naming both digests.
   */
  Digest write(InputStream in, Optional<Digest> expected, long expectedSize);

  Digest write(byte[] data);

  /** Removes the blob; absent is fine. */
  void delete(Digest digest);

  Stream<Digest> list();
}
