package berth.content;

import berth.core.Digest;
import berth.core.errors.Internal;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import berth.core.io.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The content store on disk, laid out like containerd's: {@code <root>/blobs/sha256/<hex>} for
 * blobs and {@code <root>/ingest/} for writes in progress. Ingest files live on the same
 * filesystem as the blobs so the final rename is atomic; a crash leaves only ingest files, which
 * the constructor removes. Safe for concurrent use: two writers of the same blob both succeed.
 *
 * <pre>{@code
 * ContentStore store = new LocalContentStore(dataRoot.resolve("content"));
 * Digest d = store.write(layerStream, Optional.empty(), -1);
 * }</pre>
 */
public final class LocalContentStore implements ContentStore {
  private final Path blobs;
  private final Path ingest;

  /** Opens (creating if needed) a store rooted at {@code root}; clears interrupted writes. */
  public LocalContentStore(Path root) {
    this.blobs = root.resolve("blobs").resolve("sha256");
    this.ingest = root.resolve("ingest");
    try {
      Files.createDirectories(blobs);
      Files.createDirectories(ingest);
      try (DirectoryStream<Path> stale = Files.newDirectoryStream(ingest)) {
        for (Path p : stale) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      throw new Internal("open content store " + root + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean exists(Digest digest) {
    return Files.isRegularFile(path(digest));
  }

  @Override
  public long size(Digest digest) {
    try {
      return Files.size(path(digest));
    } catch (NoSuchFileException e) {
      throw notFound(digest);
    } catch (IOException e) {
      throw new Internal("stat blob " + digest + ": " + e.getMessage(), e);
    }
  }

  @Override
  public InputStream open(Digest digest) {
    try {
      return Files.newInputStream(path(digest));
    } catch (NoSuchFileException e) {
      throw notFound(digest);
    } catch (IOException e) {
      throw new Internal("open blob " + digest + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Path path(Digest digest) {
    return blobs.resolve(digest.hex());
  }

  @Override
  public Digest write(InputStream in, Optional<Digest> expected, long expectedSize) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile(ingest, "blob-", ".tmp");
      MessageDigest md = Digest.sha256();
      long size;
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
          OutputStream out = new DigestOutputStream(Channels.newOutputStream(ch), md)) {
        size = in.transferTo(out);
        out.flush();
        ch.force(true);
      }
      Digest actual = Digest.of(md);
      verify(actual, size, expected, expectedSize);
      Path target = path(actual);
      if (!Files.exists(target)) {
        AtomicFiles.moveAtomic(tmp, target);
        AtomicFiles.fsyncDir(blobs);
      }
      return actual;
    } catch (IOException e) {
      throw new Internal("write blob" + expected.map(d -> " " + d).orElse("") + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  private static void verify(Digest actual, long size, Optional<Digest> expected, long expectedSize) {
    String what = "commit blob " + expected.orElse(actual);
    if (expectedSize >= 0 && size != expectedSize) {
      throw new InvalidArgument(what + ": size " + size + " != expected " + expectedSize);
    }
    if (expected.isPresent() && !expected.get().equals(actual)) {
      throw new InvalidArgument(what + ": unexpected digest " + actual + ", expected " + expected.get());
    }
  }

  @Override
  public Digest write(byte[] data) {
    return write(new ByteArrayInputStream(data), Optional.empty(), data.length);
  }

  @Override
  public void delete(Digest digest) {
    try {
      Files.deleteIfExists(path(digest));
    } catch (IOException e) {
      throw new Internal("delete blob " + digest + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Stream<Digest> list() {
    List<Digest> out = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(blobs)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (Digest.isDigest("sha256:" + name)) {
          out.add(Digest.ofHex(name));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(null);
    return out.stream();
  }

  private static NotFound notFound(Digest digest) {
    return new NotFound("content digest " + digest + ": not found");
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // an ingest file left behind is removed at the next start
      }
    }
  }
}
