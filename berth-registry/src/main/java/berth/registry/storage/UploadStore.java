package berth.registry.storage;

import berth.core.Digest;
import berth.registry.http.BodyStream;
import berth.registry.spec.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Upload sessions under {@code uploads/<uuid>/} (file {@code data}, and {@code repo} naming the
 * repository). Bytes are appended in order and hashed as they arrive; {@link #finish} checks the
 * digest, fsyncs and renames the file into the {@link BlobStore} and links it into the session's
 * repository, both under the {@link StorageLock} so gc never sees one without the other. Until
 * then nothing is visible:
 * a crash leaves only a session directory, which {@link #purge} removes once it is old.
 *
 * <pre>{@code
 * Upload u = uploads.start("library/busybox");
 * uploads.append(u, body, 0L, -1);          // PATCH, Content-Range 0-...
 * uploads.finish(u, digest);                // PUT ?digest=..., 201
 * }</pre>
 */
public final class UploadStore {
  private static final Pattern UUID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final Path root;
  private final BlobStore blobs;
  private final RepositoryStore repos;
  private final StorageLock lock;
  private final ConcurrentHashMap<String, Upload> live = new ConcurrentHashMap<>();

  public UploadStore(Path storageRoot, BlobStore blobs, RepositoryStore repos, StorageLock lock) throws IOException {
    this.root = storageRoot.resolve("uploads");
    this.blobs = blobs;
    this.repos = repos;
    this.lock = lock;
    Files.createDirectories(root);
  }

  public Upload start(String repository) throws IOException {
    String id = UUID.randomUUID().toString();
    Path dir = root.resolve(id);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("repo"), repository);
    Files.createFile(dir.resolve("data"));
    Upload u = new Upload(id, repository, dir, 0, Digest.sha256());
    live.put(id, u);
    return u;
  }

  /** The session {@code id} of {@code repository}, or BLOB_UPLOAD_UNKNOWN. */
  public Upload find(String repository, String id) {
    if (id == null || !UUID_FORM.matcher(id).matches()) {
      throw ErrorCode.BLOB_UPLOAD_UNKNOWN.error();
    }
    Upload u = live.computeIfAbsent(id, this::reload);
    if (u == null || !u.repository.equals(repository)) {
      throw ErrorCode.BLOB_UPLOAD_UNKNOWN.error();
    }
    return u;
  }

  /** A session left by an earlier run of the server: its size is the file's, its hash unknown. */
  private Upload reload(String id) {
    Path dir = root.resolve(id);
    try {
      String repo = Files.readString(dir.resolve("repo"), StandardCharsets.UTF_8);
      return new Upload(id, repo, dir, Files.size(dir.resolve("data")), null);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Appends the body at {@code start} (null: wherever the upload is). A start other than the
   * current size is RANGE_INVALID (416): chunks must come in order. A body that ends early or
   * fails leaves the session as it was before this call.
   */
  public long append(Upload u, BodyStream body, Long start) throws IOException {
    u.lock.lock();
    try {
      live(u);
      if (start != null && start != u.size) {
        throw ErrorCode.RANGE_INVALID.error("chunk starts at " + start + " but the upload holds " + u.size + " bytes")
            .header("Range", range(u.size)).header("Docker-Upload-UUID", u.id);
      }
      long before = u.size;
      try (FileChannel ch = FileChannel.open(u.data(), StandardOpenOption.WRITE)) {
        ch.position(before);
        MessageDigest md = u.hash;
        try {
          long n = body.drainTo(ch, md, Long.MAX_VALUE);
          u.size = before + n;
        } catch (IOException | RuntimeException e) {
          ch.truncate(before);
          u.hash = null; // it saw part of the failed chunk
          throw e;
        }
      }
      return u.size;
    } finally {
      u.lock.unlock();
    }
  }

  /** Verifies the content against {@code expected}, moves it into the blob store and links it. */
  public void finish(Upload u, Digest expected) throws IOException {
    u.lock.lock();
    try {
      live(u);
      Digest actual = u.hash != null ? Digest.of(u.hash) : hashFile(u.data());
      if (!actual.equals(expected)) {
        remove(u);
        throw ErrorCode.DIGEST_INVALID.error("digest " + expected + " does not match uploaded content " + actual,
            java.util.Map.of("Digest", expected.toString()));
      }
      try (FileChannel ch = FileChannel.open(u.data(), StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      lock.shared(() -> {
        blobs.commit(u.data(), expected);
        repos.linkLayer(u.repository, expected);
        return null;
      });
      remove(u);
    } finally {
      u.lock.unlock();
    }
  }

  public void cancel(Upload u) throws IOException {
    u.lock.lock();
    try {
      live(u);
      remove(u);
    } finally {
      u.lock.unlock();
    }
  }

  /** A whole blob in one request (POST ?digest=, the monolithic upload). */
  public void putWhole(String repository, BodyStream body, Digest expected) throws IOException {
    Upload u = start(repository);
    try {
      append(u, body, 0L);
      finish(u, expected);
    } finally {
      if (!u.gone) {
        cancel(u);
      }
    }
  }

  /** Sessions untouched for longer than {@code age} (crashed clients, crashed servers). */
  public int purge(Duration age) throws IOException {
    Instant cutoff = Instant.now().minus(age);
    int n = 0;
    try (Stream<Path> s = Files.list(root)) {
      for (Path dir : s.toList()) {
        Path data = dir.resolve("data");
        Instant touched = Files.exists(data) ? Files.getLastModifiedTime(data).toInstant()
            : Files.getLastModifiedTime(dir).toInstant();
        if (touched.isBefore(cutoff)) {
          Upload u = live.remove(dir.getFileName().toString());
          if (u != null) {
            u.gone = true;
          }
          deleteTree(dir);
          n++;
        }
      }
    }
    return n;
  }

  public static String range(long size) {
    return "0-" + Math.max(0, size - 1);
  }

  private void live(Upload u) {
    if (u.gone) {
      throw ErrorCode.BLOB_UPLOAD_UNKNOWN.error();
    }
  }

  private void remove(Upload u) throws IOException {
    u.gone = true;
    live.remove(u.id);
    deleteTree(u.dir);
  }

  private static Digest hashFile(Path p) throws IOException {
    MessageDigest md = Digest.sha256();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(p)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return Digest.of(md);
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
