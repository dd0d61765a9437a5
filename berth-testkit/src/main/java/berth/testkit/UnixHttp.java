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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A deliberately raw HTTP/1.1 client over a Unix socket. Tests use it to send exactly the bytes
 * they mean (malformed bodies, huge headers) and to see the daemon's answer unfiltered, so it must
 * not share code with berth-client, which it helps to check.
 */
public final class UnixHttp {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "unixhttp-timer");
    t.setDaemon(true);
    return t;
  });

  private final Path socket;

  public UnixHttp(Path socket) {
    this.socket = socket;
  }

  public Path socket() {
    return socket;
  }

  public HttpReply get(String path) {
    return request("GET", path, Map.of(), null);
  }

  public HttpReply post(String path, String jsonBody) {
    return request("POST", path, Map.of("Content-Type", "application/json"),
        jsonBody == null ? null : jsonBody.getBytes(StandardCharsets.UTF_8));
  }

  public HttpReply delete(String path) {
    return request("DELETE", path, Map.of(), null);
  }

  public HttpReply request(String method, String path, Map<String, String> headers, byte[] body) {
    return request(method, path, headers, body, Duration.ofSeconds(60));
  }

  /**
   * Sends one request with {@code Connection: close} and reads the whole response. A streaming
   * response (events, logs -f) is cut at {@code timeout} and returned with what arrived so far.
   */
  public HttpReply request(String method, String path, Map<String, String> headers, byte[] body, Duration timeout) {
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: berth\r\n");
    if (headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Connection"))) {
      head.append("Connection: close\r\n");
    }
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    if (body != null) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      var deadline = TIMER.schedule(() -> closeQuietly(ch), timeout.toMillis(), TimeUnit.MILLISECONDS);
      try {
        write(ch, head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
          write(ch, body);
        }
        return read(Channels.newInputStream(ch));
      } finally {
        deadline.cancel(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " on " + socket, e);
    }
  }

  private static void write(SocketChannel ch, byte[] bytes) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.hasRemaining()) {
      ch.write(b);
    }
  }

  private static HttpReply read(InputStream in) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try {
      in.transferTo(raw);
    } catch (IOException cutByDeadline) {
      // a streaming response closed by the timer: keep what arrived
    }
    byte[] all = raw.toByteArray();
    int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    if (split < 0) {
      throw new IOException("no complete HTTP header in " + all.length + " bytes: "
          + new String(all, StandardCharsets.ISO_8859_1));
    }
    String[] lines = new String(all, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int c = lines[i].indexOf(':');
      headers.computeIfAbsent(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(lines[i].substring(c + 1).trim());
    }
    byte[] body = java.util.Arrays.copyOfRange(all, split + 4, all.length);
    List<String> te = headers.getOrDefault("transfer-encoding", List.of());
    if (te.stream().anyMatch(v -> v.equalsIgnoreCase("chunked"))) {
      body = dechunk(body);
    }
    return new HttpReply(status, headers, body);
  }

  /** Undoes chunked encoding; a stream cut mid-chunk yields what was complete. */
  static byte[] dechunk(byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < b.length) {
      int eol = indexOf(b, i, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
      if (eol < 0) {
        break;
      }
      String sizeText = new String(b, i, eol - i, StandardCharsets.ISO_8859_1);
      int semi = sizeText.indexOf(';');
      int size = Integer.parseInt((semi >= 0 ? sizeText.substring(0, semi) : sizeText).trim(), 16);
      if (size == 0) {
        break;
      }
      int start = eol + 2;
      int n = Math.min(size, b.length - start);
      out.write(b, start, n);
      i = start + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    return indexOf(hay, 0, needle);
  }

  private static int indexOf(byte[] hay, int from, byte[] needle) {
    outer:
    for (int i = from; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static void closeQuietly(SocketChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
