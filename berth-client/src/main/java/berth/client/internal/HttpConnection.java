package berth.client.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange over a Unix-domain socket, written by hand on a blocking JDK
 * {@link SocketChannel}: {@code java.net.http.HttpClient} cannot dial Unix sockets, and Netty would
 * cost the CLI ~100 ms of class loading on every start. A connection serves one request; after a
 * {@code 101 Switching Protocols} it becomes a raw bidirectional stream (Docker's hijack).
 */
public final class HttpConnection implements AutoCloseable {
  private final SocketChannel channel;
  private final InputStream in;
  private final OutputStream out;

  private HttpConnection(SocketChannel channel) {
    this.channel = channel;
    this.in = new BufferedInputStream(ChannelStreams.in(channel), 16 * 1024);
    this.out = new BufferedOutputStream(ChannelStreams.out(channel), 16 * 1024);
  }

  /** Dials the socket; IOExceptions mean the daemon is not there. */
  public static HttpConnection open(Path socket) throws IOException {
    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      ch.connect(UnixDomainSocketAddress.of(socket));
    } catch (IOException e) {
      ch.close();
      throw e;
    }
    return new HttpConnection(ch);
  }

  /** What a request carries: method, path with query, headers, and an optional body. */
  public record Request(String method, String target, Map<String, String> headers, Body body) {}

  /** A request body: fixed bytes, or a stream of unknown length sent chunked. */
  public sealed interface Body {
    record Bytes(byte[] data, String contentType) implements Body {}

    record Stream(InputStream data, String contentType) implements Body {}
  }

  /** The parsed head of a response plus its body stream (already de-chunked). */
  public record Head(int status, String reason, Map<String, String> headers) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  public Head send(Request req) throws IOException {
    try {
      writeRequest(req);
    } catch (IOException writeFailed) {
      // A daemon may answer (404, 400) and hang up before a streamed upload ends: its answer
      // says more than our broken pipe, so read it if it is there.
      try {
        return readHead();
      } catch (IOException noAnswer) {
        writeFailed.addSuppressed(noAnswer);
        throw writeFailed;
      }
    }
    return readHead();
  }

  /** Writes a request without waiting for the answer; pair with {@link #readHead}. */
  public void writeRequest(Request req) throws IOException {
    StringBuilder sb = new StringBuilder(256);
    sb.append(req.method()).append(' ').append(req.target()).append(" HTTP/1.1\r\n");
    sb.append("Host: api.moby.localhost\r\n");
    sb.append("User-Agent: Berth-Client/0.1\r\n");
    req.headers().forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
    switch (req.body()) {
      case null -> {
        if (!req.method().equals("GET") && !req.method().equals("HEAD")) {
          sb.append("Content-Length: 0\r\n");
        }
      }
      case Body.Bytes b -> {
        sb.append("Content-Type: ").append(b.contentType()).append("\r\n");
        sb.append("Content-Length: ").append(b.data().length).append("\r\n");
      }
      case Body.Stream s -> {
        sb.append("Content-Type: ").append(s.contentType()).append("\r\n");
        sb.append("Transfer-Encoding: chunked\r\n");
      }
    }
    sb.append("\r\n");
    out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    switch (req.body()) {
      case null -> {}
      case Body.Bytes b -> out.write(b.data());
      case Body.Stream s -> {
        ChunkedOutputStream chunked = new ChunkedOutputStream(out);
        s.data().transferTo(chunked);
        chunked.finish();
      }
    }
    out.flush();
  }

  public Head readHead() throws IOException {
    String status = HttpWire.readLine(in);
    while (status != null && status.isEmpty()) {
      status = HttpWire.readLine(in);
    }
    if (status == null) {
      throw new IOException("daemon closed the connection without a response");
    }
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("malformed HTTP status line: " + status);
    }
    int code = Integer.parseInt(parts[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    String line;
    while ((line = HttpWire.readLine(in)) != null && !line.isEmpty()) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers.merge(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
      }
    }
    return new Head(code, parts.length > 2 ? parts[2] : "", headers);
  }

  /** The response body framed by Content-Length, chunked encoding, or connection close. */
  public InputStream body(Head head, String method) {
    if (method.equals("HEAD") || head.status() == 204 || head.status() == 304) {
      return InputStream.nullInputStream();
    }
    String te = head.header("transfer-encoding");
    if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
      return new ChunkedInputStream(in);
    }
    String len = head.header("content-length");
    if (len != null) {
      return new BoundedInputStream(in, Long.parseLong(len.trim()));
    }
    return in;
  }

  /** After a 101: the raw stream, including any bytes already buffered. */
  public InputStream rawInput() {
    return in;
  }

  public OutputStream rawOutput() {
    return out;
  }

  /** Half-close: tells the daemon stdin has ended while we keep reading its output. */
  public void shutdownOutput() throws IOException {
    out.flush();
    channel.shutdownOutput();
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // closing a Unix socket cannot fail in a way the caller could act on
    }
  }
}
