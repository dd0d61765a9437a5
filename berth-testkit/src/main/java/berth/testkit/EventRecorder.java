package berth.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Follows the daemon's /events stream while it runs. The leak check uses the container ids it saw
 * (a --rm container is gone from the list but its cgroup may not be); tests can await events.
 */
public final class EventRecorder {
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final Set<String> containerIds = ConcurrentHashMap.newKeySet();
  private final java.nio.file.Path socket;
  private volatile SocketChannel channel;

  EventRecorder(UnixHttp http) {
    this.socket = http.socket();
  }

  public List<JsonNode> all() { return List.copyOf(events); }

  public Set<String> containerIds() { return Set.copyOf(containerIds); }

  /** Waits for an event matching the predicate (already recorded ones count). */
  public JsonNode await(Duration timeout, String what, Predicate<JsonNode> match) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (JsonNode e : events) {
        if (match.test(e)) {
          return e;
        }
      }
      BerthDaemon.sleep(100);
    }
    throw new AssertionError("no event " + what + " within " + timeout.toSeconds() + " s; got " + events.size()
        + " events: " + events.stream().map(e -> e.path("Type").asText() + ":" + e.path("Action").asText()).toList());
  }

  synchronized void startFollowing() {
    stopFollowing();
    try {
      SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
      ch.connect(UnixDomainSocketAddress.of(socket));
      ch.write(ByteBuffer.wrap("GET /events HTTP/1.1\r\nHost: berth\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)));
      channel = ch;
      Thread.ofVirtual().name("berth-events").start(() -> follow(ch));
    } catch (IOException e) {
      // no event stream: the leak check falls back to the ids it can see on disk
    }
  }

  synchronized void stopFollowing() {
    SocketChannel ch = channel;
    channel = null;
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // closing is all we wanted
      }
    }
  }

  private void follow(SocketChannel ch) {
    try (InputStream in = new BufferedInputStream(Channels.newInputStream(ch))) {
      String status = line(in);
      if (status == null || !status.contains(" 200")) {
        return;
      }
      boolean chunked = false;
      for (String h; (h = line(in)) != null && !h.isEmpty(); ) {
        chunked |= h.toLowerCase().startsWith("transfer-encoding:") && h.toLowerCase().contains("chunked");
      }
      ByteArrayOutputStream pending = new ByteArrayOutputStream();
      while (true) {
        byte[] data;
        if (chunked) {
          String size = line(in);
          if (size == null) {
            return;
          }
          int n = Integer.parseInt(size.split(";")[0].trim(), 16);
          if (n == 0) {
            return;
          }
          data = in.readNBytes(n);
          line(in);
        } else {
          int b = in.read();
          if (b < 0) {
            return;
          }
          data = new byte[] {(byte) b};
        }
        for (byte b : data) {
          if (b == '\n') {
            record(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
          } else {
            pending.write(b);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      // the stream ends when the daemon stops or we close it
    }
  }

  private void record(String json) {
    if (json.isBlank()) {
      return;
    }
    try {
      JsonNode e = BerthDaemon.parse(json);
      events.add(e);
      if ("container".equals(e.path("Type").asText())) {
        String id = e.path("Actor").path("ID").asText(e.path("id").asText());
        if (id.matches("[0-9a-f]{64}")) {
          containerIds.add(id);
        }
      }
    } catch (RuntimeException ignored) {
      // a malformed event is the events test's business, not the recorder's
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c; (c = in.read()) >= 0; ) {
      if (c == '\n') {
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }
}
