package berth.cli;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A scripted Engine API on a temp Unix socket: routes match "METHOD /path-prefix" (version stripped). */
final class FakeEngine implements AutoCloseable {
  record Req(String method, String path, String query, Map<String, String> headers, byte[] body) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  interface Route {
    void handle(Req req, InputStream in, OutputStream out) throws IOException;
  }

  final Path dir;
  final Path socket;
  final List<Req> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Route> routes = new LinkedHashMap<>();
  private final ServerSocketChannel server;

  FakeEngine() throws IOException {
    dir = Files.createTempDirectory(Path.of("/tmp"), "berth-e-cli-");
    socket = dir.resolve("e.sock");
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    route("GET /_ping", (r, in, out) -> reply(out, 200, "text/plain", "OK"));
    route("HEAD /_ping", (r, in, out) -> {
      out.write("HTTP/1.1 200 OK\r\nApi-Version: 1.47\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    });
    Thread.ofVirtual().start(this::acceptLoop);
  }

  FakeEngine route(String key, Route r) {
    routes.put(key, r);
    return this;
  }

  FakeEngine json(String key, int status, String body) {
    return route(key, (r, in, out) -> reply(out, status, "application/json", body));
  }

  Map<String, String> env() {
    return Map.of("BERTH_HOST", "unix://" + socket);
  }

  List<String> paths() {
    List<String> out = new ArrayList<>();
    requests.forEach(r -> out.add(r.method() + " " + r.path()));
    return out;
  }

  private void acceptLoop() {
    while (server.isOpen()) {
      try {
        SocketChannel ch = server.accept();
        Thread.ofVirtual().start(() -> serve(ch));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(SocketChannel ch) {
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
      String[] start = line(in).split(" ");
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
      String target = start[1];
      int q = target.indexOf('?');
      String path = q < 0 ? target : target.substring(0, q);
      String query = q < 0 ? "" : target.substring(q + 1);
      path = path.replaceFirst("^/v1\\.\\d+", "");
      Req req = new Req(start[0], path, query, headers, body);
      if (!path.equals("/_ping") && !path.equals("/info")) {
        requests.add(req);
      }
      Route route = null;
      int best = -1;
      for (Map.Entry<String, Route> e : routes.entrySet()) {
        String key = e.getKey();
        if ((start[0] + " " + path).startsWith(key) && key.length() > best) {
          route = e.getValue();
          best = key.length();
        }
      }
      if (route == null) {
        reply(out, 404, "application/json", "{\"message\":\"page not found\"}");
        return;
      }
      route.handle(req, in, out);
    } catch (IOException ignored) {
      // client went away
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

  static void reply(OutputStream out, int status, String type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    out.write(("HTTP/1.1 " + status + " X\r\nApi-Version: 1.47\r\nContent-Type: " + type
        + "\r\nContent-Length: " + b.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    out.write(b);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    Files.deleteIfExists(socket);
    Files.deleteIfExists(dir);
  }
}
