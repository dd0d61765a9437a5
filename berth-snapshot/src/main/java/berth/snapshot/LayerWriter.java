package berth.snapshot;

import berth.core.Digest;
import berth.core.errors.Internal;
import berth.snapshot.archive.TarTreeWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import org.apache.commons.io.output.CountingOutputStream;

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
    CountingOutputStream counted = new CountingOutputStream(OutputStream.nullOutputStream());
    try {
      OutputStream tee = new DigestOutputStream(new TeeNoClose(out, counted), md);
      TarTreeWriter w = new TarTreeWriter(tee, true);
      w.addChildren(upperDir, "");
      w.finish();
      return new LayerApplier.Result(Digest.of(md), -1, counted.getByteCount());
    } catch (IOException e) {
      throw new Internal("write layer from " + upperDir + ": " + e.getMessage(), e);
    }
  }

  /** Writes to both streams; close leaves them open so callers keep ownership. */
  private static final class TeeNoClose extends OutputStream {
    private final OutputStream a;
    private final OutputStream b;

    TeeNoClose(OutputStream a, OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public void write(int x) throws IOException {
      a.write(x);
      b.write(x);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }

    @Override
    public void flush() throws IOException {
      a.flush();
    }
  }
}
