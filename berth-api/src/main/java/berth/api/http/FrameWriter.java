package berth.api.http;

import berth.engine.Frame;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes output frames the way Docker does: raw with a TTY, else multiplexed with an 8-byte
 * header per frame (stream id 1 or 2, three zero bytes, big-endian uint32 payload length).
 */
public final class FrameWriter {
  public static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";
  public static final String RAW = "application/vnd.docker.raw-stream";

  private FrameWriter() {}

  /** The content type Docker uses for a stream with or without TTY at this API version. */
  public static String contentType(boolean tty, ApiVersion version) {
    return tty || !version.atLeast(1, 42) ? RAW : MULTIPLEXED;
  }

  public static byte[] header(int streamId, int length) {
    return new byte[] {(byte) streamId, 0, 0, 0,
        (byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
  }

  public static void write(OutputStream out, Frame f, boolean tty) throws IOException {
    if (tty) {
      out.write(f.data());
      return;
    }
    byte[] h = header(f.stream().id, f.data().length);
    byte[] all = new byte[h.length + f.data().length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(f.data(), 0, all, h.length, f.data().length);
    out.write(all);
  }
}
