package berth.content;

import berth.core.Digest;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/** An in-memory ContentStore, the fake that proves the contract suite is not tied to disk. */
final class MemoryContentStore implements ContentStore {
  private final Map<Digest, byte[]> blobs = new ConcurrentSkipListMap<>();

  @Override
  public boolean exists(Digest digest) {
    return blobs.containsKey(digest);
  }

  @Override
  public long size(Digest digest) {
    return get(digest).length;
  }

  @Override
  public InputStream open(Digest digest) {
    return new ByteArrayInputStream(get(digest));
  }

  @Override
  public Path path(Digest digest) {
    throw new UnsupportedOperationException("in-memory store has no paths");
  }

  @Override
  public Digest write(InputStream in, Optional<Digest> expected, long expectedSize) {
    byte[] data;
    try {
      data = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Digest actual = Digest.of(data);
    String what = "commit blob " + expected.orElse(actual);
    if (expectedSize >= 0 && data.length != expectedSize) {
      throw new InvalidArgument(what + ": size " + data.length + " != expected " + expectedSize);
    }
    if (expected.isPresent() && !expected.get().equals(actual)) {
      throw new InvalidArgument(what + ": unexpected digest " + actual + ", expected " + expected.get());
    }
    blobs.putIfAbsent(actual, data);
    return actual;
  }

  @Override
  public Digest write(byte[] data) {
    return write(new ByteArrayInputStream(data), Optional.empty(), data.length);
  }

  @Override
  public void delete(Digest digest) {
    blobs.remove(digest);
  }

  @Override
  public Stream<Digest> list() {
    return blobs.keySet().stream();
  }

  private byte[] get(Digest d) {
    byte[] b = blobs.get(d);
    if (b == null) {
      throw new NotFound("content digest " + d + ": not found");
    }
    return b;
  }
}
