package berth.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A connection taken over by the daemon after {@code Upgrade: tcp} (attach, exec start): the raw
 * status line and headers, then the socket's two directions for the stream itself.
 */
public final class Hijacked implements AutoCloseable {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "hijack-timer");
    t.setDaemon(true);
    return t;
  });

  private final SocketChannel channel;
  private final InputStream in;
  private final int status;
  private final List<String> headerLines;

  private Hijacked(SocketChannel channel, InputStream in, int status, List<String> headerLines) {
    this.channel = channel;
    this.in = in;
    this.status = status;
    this.headerLines = headerLines;
  }

  /** POSTs {@code path} asking for the upgrade and reads the response head. */
  public static Hijacked open(Path socket, String path, String jsonBody) {
    byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
    String head = "POST " + path + " HTTP/1.1\r\nHost: berth\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n"
        + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
    try {
      SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
      ch.connect(UnixDomainSocketAddress.of(socket));
      ch.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.ISO_8859_1)));
      ch.write(ByteBuffer.wrap(body));
      InputStream in = Channels.newInputStream(ch);
      List<String> lines = new ArrayList<>();
      for (String l; !(l = line(in)).isEmpty(); ) {
        lines.add(l);
      }
      int status = Integer.parseInt(lines.getFirst().split(" ", 3)[1]);
      return new Hijacked(ch, in, status, lines);
    } catch (IOException e) {
      throw new UncheckedIOException("hijack " + path, e);
    }
  }

  public int status() { return status; }

  /** Status line and headers as received. */
  public List<String> headerLines() { return headerLines; }

  public void write(String text) {
    try {
      channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Half-close: the container's stdin sees EOF. */
  public void closeWrite() {
    try {
      channel.shutdownOutput();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads until the daemon closes the stream or the timeout passes; returns what came. */
  public byte[] readAll(Duration timeout) {
    var deadline = TIMER.schedule(this::close, timeout.toMillis(), TimeUnit.MILLISECONDS);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      in.transferTo(out);
    } catch (IOException cut) {
      // closed by the deadline
    } finally {
      deadline.cancel(false);
    }
    return out.toByteArray();
  }

  /** Splits Docker's multiplexed framing (8-byte header: stream, 0, 0, 0, big-endian size). */
  public static List<Frame> frames(byte[] raw) {
    List<Frame> frames = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(raw);
    while (b.remaining() >= 8) {
      int stream = b.get() & 0xff;
      b.position(b.position() + 3);
      int size = b.getInt();
      byte[] data = new byte[Math.min(size, b.remaining())];
      b.get(data);
      frames.add(new Frame(stream, new String(data, StandardCharsets.UTF_8)));
    }
    return frames;
  }

  /** One frame of a multiplexed stream: 1 stdout, 2 stderr. */
  public record Frame(int stream, String text) {}

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
      b.write(c);
    }
    String s = b.toString(StandardCharsets.ISO_8859_1);
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
