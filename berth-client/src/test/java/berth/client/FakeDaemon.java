package berth.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tiny HTTP/1.1 server on a temp Unix socket, one request per connection, for client tests. */
final class FakeDaemon implements AutoCloseable {
  record Req(String method, String target, Map<String, String> headers, byte[] body) {}

  interface Handler {
    void handle(Req req, InputStream in, OutputStream out, SocketChannel ch) throws IOException;
  }

  final Path dir;
  final Path socket;
  final List<Req> seen = new CopyOnWriteArrayList<>();
  private final ServerSocketChannel server;
  private final Thread loop;

  FakeDaemon(Handler handler) throws IOException {
    dir = Files.createTempDirectory(Path.of("/tmp"), "berth-e-");
    socket = dir.resolve("d.sock");
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    loop = Thread.ofVirtual().start(() -> {
      while (server.isOpen()) {
        try {
          SocketChannel ch = server.accept();
          Thread.ofVirtual().start(() -> serve(ch, handler));
        } catch (IOException e) {
          return;
        }
      }
    });
  }

  BerthClient client() {
    return new BerthClient(DockerHost.parse("unix://" + socket));
  }

  private void serve(SocketChannel ch, Handler handler) {
    try (ch) {
      InputStream in = new BufferedInputStream(new InputStream() {
        @Override
        public int read() throws IOException {
          byte[] b = new byte[1];
          return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return ch.read(ByteBuffer.wrap(b, off, len));
        }
      });
      OutputStream out = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          ByteBuffer buf = ByteBuffer.wrap(b, off, len);
          while (buf.hasRemaining()) {
            ch.write(buf);
          }
        }
      };
      String start = line(in);
      String[] parts = start.split(" ");
      Map<String, String> headers = new LinkedHashMap<>();
      String l;
      while (!(l = line(in)).isEmpty()) {
        int c = l.indexOf(':');
        headers.put(l.substring(0, c).toLowerCase(Locale.ROOT), l.substring(c + 1).trim());
      }
      byte[] body = new byte[0];
      if (headers.containsKey("content-length")) {
        body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
      } else if ("chunked".equals(headers.get("transfer-encoding"))) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int size;
        while ((size = Integer.parseInt(line(in), 16)) > 0) {
          all.write(in.readNBytes(size));
          line(in);
        }
        line(in);
        body = all.toByteArray();
      }
      Req req = new Req(parts[0], parts[1], headers, body);
      seen.add(req);
      handler.handle(req, in, out, ch);
    } catch (IOException ignored) {
      // the client hung up; nothing to report
    }
  }

  static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  static void respond(OutputStream out, int status, String contentType, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    out.write(("HTTP/1.1 " + status + " X\r\nApi-Version: 1.47\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.write(b);
  }

  /** Answers /_ping with the given API version, delegating everything else. */
  static Handler withPing(String apiVersion, Handler rest) {
    return (req, in, out, ch) -> {
      if (req.target().equals("/_ping")) {
        out.write(("HTTP/1.1 200 OK\r\nApi-Version: " + apiVersion
            + "\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nOK").getBytes(StandardCharsets.UTF_8));
        return;
      }
      rest.handle(req, in, out, ch);
    };
  }

  @Override
  public void close() throws IOException {
    server.close();
    loop.interrupt();
    Files.deleteIfExists(socket);
    Files.deleteIfExists(dir);
  }
}
