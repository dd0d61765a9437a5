package berth.cli.compose;

import berth.client.BerthClient;
import berth.client.Query;
import berth.client.Response;
import berth.client.StreamDemuxer;
import berth.client.StreamFrame;
import berth.compose.ProjectContainers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Several containers' logs interleaved by line, each line behind its container's prefix
 * ({@code web-1  | }), coloured on a terminal in compose's rotation of colours.
 */
final class LogPrinter {
  /** Compose's colour order: cyan, yellow, green, magenta, blue, then their bright variants. */
  private static final String[] COLORS = {"36", "33", "32", "35", "34", "36;1", "33;1", "32;1", "35;1", "34;1"};

  private final BerthClient client;
  private final PrintStream out;
  private final boolean color;
  private final String project;
  private final boolean prefix;
  private int width;

  LogPrinter(BerthClient client, PrintStream out, boolean color, String project, boolean prefix) {
    this.client = client;
    this.out = out;
    this.color = color;
    this.project = project;
    this.prefix = prefix;
  }

  String label(JsonNode ctr) {
    String name = ProjectContainers.name(ctr);
    return name.startsWith(project + "-") ? name.substring(project.length() + 1) : name;
  }

  /**
   * Prints the logs of every container, one thread each, and returns when all streams end.
   * {@code onEnd} hears of each container whose stream ended (for "exited with code").
   */
  void print(List<JsonNode> containers, Query query, Consumer<JsonNode> onEnd) {
    containers.forEach(ctr -> width = Math.max(width, label(ctr).length()));
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < containers.size(); i++) {
      JsonNode ctr = containers.get(i);
      String pfx = prefixFor(ctr, i);
      threads.add(Thread.startVirtualThread(() -> {
        try {
          follow(ctr, query, pfx);
        } catch (RuntimeException | IOException e) {
          // the container went away mid-stream: its end is reported below like any other
        }
        if (onEnd != null) {
          onEnd.accept(ctr);
        }
      }));
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  String prefixFor(JsonNode ctr, int index) {
    if (!prefix) {
      return "";
    }
    String name = String.format("%-" + width + "s  | ", label(ctr));
    return color ? "\u001b[" + COLORS[index % COLORS.length] + "m" + name + "\u001b[0m" : name;
  }

  private void follow(JsonNode ctr, Query q, String pfx) throws IOException {
    String id = ProjectContainers.id(ctr);
    boolean tty = client.containers().inspect(id, false).path("Config").path("Tty").asBoolean();
    try (Response r = client.containers().logs(id, q)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      if (tty) {
        InputStream in = r.body();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0; ) {
          feed(buf, n, line, pfx);
        }
      } else {
        StreamDemuxer d = new StreamDemuxer(r.body());
        for (StreamFrame f; (f = d.next()) != null; ) {
          feed(f.data(), f.data().length, line, pfx);
        }
      }
      if (line.size() > 0) {
        emit(pfx, line.toString(StandardCharsets.UTF_8));
      }
    }
  }

  private void feed(byte[] buf, int n, ByteArrayOutputStream line, String pfx) {
    for (int i = 0; i < n; i++) {
      if (buf[i] == '\n') {
        emit(pfx, line.toString(StandardCharsets.UTF_8));
        line.reset();
      } else if (buf[i] != '\r') {
        line.write(buf[i]);
      }
    }
  }

  private synchronized void emit(String pfx, String text) {
    out.println(pfx + text);
    out.flush();
  }

  synchronized void line(String text) {
    out.println(text);
    out.flush();
  }
}
