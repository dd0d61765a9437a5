package berth.snapshot;

import berth.core.Digest;
import berth.core.errors.BerthException;
import berth.core.errors.Internal;
import berth.core.errors.InvalidArgument;
import berth.snapshot.archive.TarExtractor;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.apache.commons.io.input.BoundedInputStream;

/**
 * Applies an OCI layer tar (plain, gzip, zstd, bzip2 or xz, detected from its first bytes) to a
 * snapshot's upper dir, overlay style: {@code .wh.x} becomes a whiteout (char device 0/0),
 * {@code .wh..wh..opq} sets {@code trusted.overlay.opaque=y} on its directory. Nothing is ever
 * written outside the target: names with {@code ..} that climb out and hardlinks pointing out are
 * refused ({@code InvalidArgument}); absolute names and symlinked parents are contained (resolved
 * as if chrooted in the target, as Docker's chrooted unpacker does).
 *
 * <pre>{@code
 * LayerApplier.Result r = new LayerApplier().apply(snapshotter.upperDir(key), blobStream);
 * r.diffId(); // sha256 of the uncompressed tar: the layer's DiffID
 * }</pre>
 */
public final class LayerApplier {
  /**
   * What an apply did.
   *
   * @param diffId sha256 of the uncompressed tar
   * @param size bytes of file content unpacked
   * @param tarSize bytes of the uncompressed tar
   */
  public record Result(Digest diffId, long size, long tarSize) {}

  /** Unpacks {@code layer} into {@code target}; the stream is read to its end, not closed. */
  public Result apply(Path target, InputStream layer) {
    try {
      InputStream plain = decompressed(new BufferedInputStream(layer, 64 * 1024));
      MessageDigest md = Digest.sha256();
      BoundedInputStream counted = BoundedInputStream.builder().setInputStream(plain).get();
      DigestInputStream hashed = new DigestInputStream(counted, md);
      TarArchiveInputStream tar = new TarArchiveInputStream(hashed);
      long size = new TarExtractor(target, "", TarExtractor.Options.layer()).extract(tar);
      hashed.transferTo(OutputStream.nullOutputStream()); // trailing blocks count towards the DiffID
      return new Result(Digest.of(md), size, counted.getCount());
    } catch (BerthException e) {
      throw e;
    } catch (IOException e) {
      throw new Internal("apply layer to " + target + ": " + e.getMessage(), e);
    }
  }

  /** Wraps {@code in} (which supports mark) in the decompressor its magic bytes name, if any. */
  public static InputStream decompressed(BufferedInputStream in) throws IOException {
    String kind;
    try {
      kind = CompressorStreamFactory.detect(in);
    } catch (CompressorException notCompressed) {
      return in;
    } catch (IllegalArgumentException e) {
      throw new InvalidArgument("read layer: " + e.getMessage(), e);
    }
    if (!kind.equals(CompressorStreamFactory.GZIP) && !kind.equals(CompressorStreamFactory.BZIP2)
        && !kind.equals(CompressorStreamFactory.XZ) && !kind.equals(CompressorStreamFactory.ZSTANDARD)) {
      return in; // a tar that merely starts with bytes resembling another format
    }
    try {
      return new CompressorStreamFactory(true).createCompressorInputStream(kind, in);
    } catch (CompressorException e) {
      throw new InvalidArgument("read layer: unsupported compression " + kind, e);
    }
  }
}
