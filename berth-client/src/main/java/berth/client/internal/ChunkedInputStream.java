package berth.client.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Decodes an HTTP/1.1 chunked body (RFC 9112 §7.1); trailers are read and dropped. */
final class ChunkedInputStream extends InputStream {
  private final InputStream in;
  private long remaining;
  private boolean done;

  ChunkedInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (done) {
      return -1;
    }
    if (remaining == 0 && !nextChunk()) {
      return -1;
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw new EOFException("connection closed inside a chunk");
    }
    remaining -= n;
    if (remaining == 0) {
      HttpWire.readLine(in); // CRLF after the chunk data
    }
    return n;
  }

  private boolean nextChunk() throws IOException {
    String line = HttpWire.readLine(in);
    if (line == null) {
      throw new EOFException("connection closed before the last chunk");
    }
    int semi = line.indexOf(';');
    String hex = (semi >= 0 ? line.substring(0, semi) : line).trim();
    try {
      remaining = Long.parseLong(hex, 16);
    } catch (NumberFormatException e) {
      throw new IOException("bad chunk size: " + line, e);
    }
    if (remaining == 0) {
      String trailer;
      do {
        trailer = HttpWire.readLine(in);
      } while (trailer != null && !trailer.isEmpty());
      done = true;
      return false;
    }
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
