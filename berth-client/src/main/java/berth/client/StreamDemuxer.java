package berth.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Reads Docker's 8-byte-header framing (see {@link StreamFrame}) used when a container has no TTY. */
public final class StreamDemuxer {
  private final InputStream in;
  private final byte[] header = new byte[8];

  public StreamDemuxer(InputStream in) {
    this.in = in;
  }

  /** The next frame, or null at a clean end of stream. */
  public StreamFrame next() throws IOException {
    int got = readFully(header, 0, 8);
    if (got == 0) {
      return null;
    }
    if (got < 8) {
      throw new EOFException("truncated stream frame header");
    }
    int size = ((header[4] & 0xff) << 24) | ((header[5] & 0xff) << 16) | ((header[6] & 0xff) << 8)
        | (header[7] & 0xff);
    if (size < 0) {
      throw new IOException("stream frame too large");
    }
    byte[] data = new byte[size];
    if (readFully(data, 0, size) < size) {
      throw new EOFException("truncated stream frame");
    }
    return new StreamFrame(header[0], data);
  }

  /** Copies frames to stdout/stderr until the end; a systemerr frame becomes an exception. */
  public void copyTo(OutputStream stdout, OutputStream stderr) throws IOException {
    StreamFrame f;
    while ((f = next()) != null) {
      switch (f.stream()) {
        case StreamFrame.STDIN, StreamFrame.STDOUT -> {
          stdout.write(f.data());
          stdout.flush();
        }
        case StreamFrame.STDERR -> {
          stderr.write(f.data());
          stderr.flush();
        }
        case StreamFrame.SYSTEMERR -> throw new IOException(new String(f.data(), java.nio.charset.StandardCharsets.UTF_8));
        default -> throw new IOException("unrecognized stream frame type " + f.stream());
      }
    }
  }

  /** Encodes one frame; the inverse of {@link #next}, used by servers and tests. */
  public static byte[] encode(int stream, byte[] data) {
    byte[] out = new byte[8 + data.length];
    out[0] = (byte) stream;
    out[4] = (byte) (data.length >>> 24);
    out[5] = (byte) (data.length >>> 16);
    out[6] = (byte) (data.length >>> 8);
    out[7] = (byte) data.length;
    System.arraycopy(data, 0, out, 8, data.length);
    return out;
  }

  private int readFully(byte[] b, int off, int len) throws IOException {
    int total = 0;
    while (total < len) {
      int n = in.read(b, off + total, len - total);
      if (n < 0) {
        break;
      }
      total += n;
    }
    return total;
  }
}
