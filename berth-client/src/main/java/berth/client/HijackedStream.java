package berth.client;

import berth.client.internal.HttpConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A raw bidirectional stream after {@code 101 Switching Protocols}: write stdin to {@link #stdin},
 * read the container's output from {@link #output}, and half-close with {@link #closeStdin} so the
 * container sees EOF while its remaining output still arrives.
 */
public final class HijackedStream implements AutoCloseable {
  private final HttpConnection conn;
  private final boolean multiplexed;

  HijackedStream(HttpConnection conn, boolean multiplexed) {
    this.conn = conn;
    this.multiplexed = multiplexed;
  }

  public InputStream output() {
    return conn.rawInput();
  }

  public OutputStream stdin() {
    return conn.rawOutput();
  }

  /** What the server declared in Content-Type; callers that know the container's TTY setting should prefer that. */
  public boolean multiplexed() {
    return multiplexed;
  }

  public void closeStdin() throws IOException {
    conn.shutdownOutput();
  }

  @Override
  public void close() {
    conn.close();
  }
}
