package berth.snapshot;

import berth.core.Digest;
import berth.core.errors.Internal;
import berth.snapshot.archive.TarTreeWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/**
 * Turns an overlay upper dir into an uncompressed layer tar: whiteout devices become
 * {@code .wh.<name>} entries, opaque directories get {@code .wh..wh..opq}; entries in name order
 * so the same tree always gives the same DiffID; long names in PAX headers.
 *
 * <pre>{@code
 * LayerApplier.Result r = new LayerWriter().write(snapshotter.upperDir(containerId), out);
 * }</pre>
 */
public final class LayerWriter {
  /** Writes the layer to {@code out} (left open); returns its DiffID and tar size. */
  public LayerApplier.Result write(Path upperDir, OutputStream out) {
    MessageDigest md = Digest.sha256();
    try {
      Counting counted = new Counting(out);
      OutputStream tee = new DigestOutputStream(counted, md);
      TarTreeWriter w = new TarTreeWriter(tee, true);
      w.addChildren(upperDir, "");
      w.finish();
      return new LayerApplier.Result(Digest.of(md), -1, counted.count);
    } catch (IOException e) {
      throw new Internal("write layer from " + upperDir + ": " + e.getMessage(), e);
    }
  }

  /** Counts bytes on their way to the caller's stream; close leaves that stream open. */
  private static final class Counting extends OutputStream {
    private final OutputStream out;
    long count;

    Counting(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int x) throws IOException {
      out.write(x);
      count++;
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
      out.write(buf, off, len);
      count += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }
  }
}
