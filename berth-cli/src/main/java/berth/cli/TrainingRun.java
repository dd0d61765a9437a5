package berth.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The workload that trains the CLI's AOT cache ({@code scripts/train-cli-aot.sh}): the common
 * commands, run in one JVM so the cache holds every class they load. Against {@code BERTH_HOST}
 * when set, else against a canned in-process responder, so training needs no daemon.
 */
public final class TrainingRun {
  private static final String[][] COMMANDS = {
      {"version"}, {"ps"}, {"ps", "-a", "--format", "{{.ID}} {{json .}} {{.Label \"x\"}}"},
      {"images"}, {"info"}, {"inspect", "web"}, {"inspect", "-f", "{{.State.Status}}", "web"},
      {"rm", "nope"}, {"stop", "-t", "1", "nope"}, {"logs", "--tail", "5", "nope"},
      // picocli's own paths (--help, usage errors) are left out on purpose: its Java 5 class
      // files cannot be cached, and they would drag java.sql and console classes into the cache
      // that every start then pre-loads.
  };

  private TrainingRun() {}

  public static void main(String[] args) throws IOException {
    String host = System.getenv("BERTH_HOST");
    Path dir = null;
    ServerSocketChannel server = null;
    if (host == null || host.isBlank()) {
      dir = Files.createTempDirectory("berth-aot-");
      Path sock = dir.resolve("train.sock");
      server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(sock));
      ServerSocketChannel s = server;
      Thread.ofPlatform().daemon().start(() -> serve(s));
      host = "unix://" + sock;
    }
    PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    for (String[] cmd : COMMANDS) {
      Main.run(cmd, sink, sink, Map.of("BERTH_HOST", host));
    }
    if (server != null) {
      server.close();
      Files.deleteIfExists(dir.resolve("train.sock"));
      Files.deleteIfExists(dir);
    }
  }

  private static void serve(ServerSocketChannel server) {
    while (server.isOpen()) {
      try (SocketChannel ch = server.accept()) {
        InputStream in = Channels.newInputStream(ch);
        String request = readHead(in);
        String path = request.split(" ", 3)[1].replaceFirst("^/v1\\.\\d+", "");
        reply(ch, answer(path));
      } catch (IOException e) {
        return;
      }
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    int state = 0;
    while (state < 4 && (c = in.read()) >= 0) {
      b.write(c);
      state = (c == '\r' || c == '\n') ? state + 1 : 0;
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  private static String[] answer(String path) {
    long now = System.currentTimeMillis() / 1000;
    if (path.startsWith("/_ping")) {
      return new String[] {"200", "OK"};
    } else if (path.startsWith("/version")) {
      return new String[] {"200", "{\"Platform\":{\"Name\":\"Berth\"},\"Components\":[{\"Name\":\"Engine\",\"Version\":\"0\","
          + "\"Details\":{\"ApiVersion\":\"1.47\",\"MinAPIVersion\":\"1.24\"}}],\"ApiVersion\":\"1.47\"}"};
    } else if (path.startsWith("/containers/json")) {
      return new String[] {"200", "[{\"Id\":\"0123456789abcdef\",\"Names\":[\"/web\"],\"Image\":\"busybox\",\"Command\":\"sh\","
          + "\"Created\":" + now + ",\"State\":\"running\",\"Status\":\"Up 1 second\",\"Ports\":[],\"Labels\":{\"x\":\"y\"},"
          + "\"Mounts\":[],\"NetworkSettings\":{\"Networks\":{\"none\":{}}}}]"};
    } else if (path.startsWith("/images/json")) {
      return new String[] {"200", "[{\"Id\":\"sha256:0123456789abcdef\",\"RepoTags\":[\"busybox:latest\"],\"Created\":" + now
          + ",\"Size\":4264000}]"};
    } else if (path.startsWith("/info")) {
      return new String[] {"200", "{\"Containers\":1,\"Images\":1,\"MemTotal\":2087354368,\"NCPU\":2}"};
    } else if (path.startsWith("/containers/web/json")) {
      return new String[] {"200", "{\"Id\":\"0123456789abcdef\",\"State\":{\"Status\":\"running\"},\"Config\":{\"Env\":[]}}"};
    }
    return new String[] {"404", "{\"message\":\"No such container: nope\"}"};
  }

  private static void reply(SocketChannel ch, String[] a) throws IOException {
    byte[] body = a[1].getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + a[0] + " X\r\nApi-Version: 1.47\r\nContent-Type: application/json\r\nContent-Length: "
        + body.length + "\r\n\r\n";
    ch.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
    ch.write(ByteBuffer.wrap(body));
  }
}
