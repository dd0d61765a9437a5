package berth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.Conflict;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import berth.core.errors.Unavailable;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BerthClientTest {

  @Test
  void negotiatesDownToTheServersVersion() throws IOException {
    try (FakeDaemon d = new FakeDaemon(FakeDaemon.withPing("1.43", (req, in, out, ch) ->
        FakeDaemon.respond(out, 200, "application/json", "{\"ApiVersion\":\"1.43\"}")))) {
      BerthClient c = d.client();
      assertThat(c.system().version().get("ApiVersion").asText()).isEqualTo("1.43");
      assertThat(d.seen.get(1).target()).isEqualTo("/v1.43/version");
    }
  }

  @Test
  void neverNegotiatesAboveOurs() throws IOException {
    try (FakeDaemon d = new FakeDaemon(FakeDaemon.withPing("1.50", (req, in, out, ch) ->
        FakeDaemon.respond(out, 200, "application/json", "{}")))) {
      assertThat(d.client().apiVersion()).isEqualTo("1.47");
    }
  }

  @Test
  void decodesChunkedBodies() throws IOException {
    try (FakeDaemon d = new FakeDaemon(FakeDaemon.withPing("1.47", (req, in, out, ch) -> {
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "5\r\n[{\"Id\r\n"
          + "a;ext=1\r\n\":\"abc\"}]\r\n"
          + "0\r\nX-Trailer: y\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    }))) {
      JsonNode list = d.client().containers().list(true, 0, false, Map.of());
      assertThat(list.get(0).get("Id").asText()).isEqualTo("abc");
      assertThat(d.seen.get(1).target()).isEqualTo("/v1.47/containers/json?all=1");
    }
  }

  @Test
  void streamsSuccessiveJsonValues() throws IOException {
    try (FakeDaemon d = new FakeDaemon(FakeDaemon.withPing("1.47", (req, in, out, ch) -> {
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
          + "e\r\n{\"status\":\"a\"}\r\n"
          + "f\r\n\n{\"status\":\"b\"}\r\n"
          + "0\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    }))) {
      List<String> got = new ArrayList<>();
      try (Response r = d.client().system().events(null, null, Map.of("type", List.of("container")))) {
        Iterator<JsonNode> it = r.jsonStream();
        it.forEachRemaining(n -> got.add(n.get("status").asText()));
      }
      assertThat(got).containsExactly("a", "b");
      assertThat(d.seen.get(1).target()).startsWith("/v1.47/events?filters=%7B%22type%22");
    }
  }

  @Test
  void mapsStatusesToErrorClassesWithTheServersMessage() throws IOException {
    try (FakeDaemon d = new FakeDaemon(FakeDaemon.withPing("1.47", (req, in, out, ch) -> {
      if (req.target().contains("/containers/nope/json")) {
        FakeDaemon.respond(out, 404, "application/json", "{\"message\":\"No such container: nope\"}");
      } else if (req.target().contains("/rename")) {
        FakeDaemon.respond(out, 409, "application/json", "{\"message\":\"name in use\"}");
      } else if (req.target().contains("/start")) {
        FakeDaemon.respond(out, 304, "text/plain", "");
      } else {
        FakeDaemon.respond(out, 400, "text/plain", "plain text error\n");
      }
    }))) {
      BerthClient c = d.client();
      assertThatThrownBy(() -> c.containers().inspect("nope", false))
          .isInstanceOf(NotFound.class).hasMessage("No such container: nope");
      assertThatThrownBy(() -> c.containers().rename("a", "b"))
          .isInstanceOf(Conflict.class).hasMessage("name in use");
      assertThat(c.containers().start("a", null)).isFalse();
      assertThatThrownBy(() -> c.containers().kill("a", "BOGUS"))
          .isInstanceOf(InvalidArgument.class).hasMessage("plain text error");
    }
  }

  @Test
  void connectionRefusedUsesDockersWording() {
    BerthClient c = new BerthClient(DockerHost.parse("unix:///tmp/berth-e-nonexistent/x.sock"));
    assertThatThrownBy(c::apiVersion)
        .isInstanceOf(Unavailable.class)
        .hasMessage("Cannot connect to the Berth daemon at unix:///tmp/berth-e-nonexistent/x.sock."
            + " Is the berth daemon running?");
  }

  @Test
  void uploadsStreamedBodiesChunked() throws IOException {
    byte[] payload = new byte[100_000];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) i;
    }
    try (FakeDaemon d = new FakeDaemon(FakeDaemon.withPing("1.47", (req, in, out, ch) ->
        FakeDaemon.respond(out, 200, "application/json", "{\"stream\":\"Loaded image: x\\n\"}")))) {
      try (Response r = d.client().images().load(new ByteArrayInputStream(payload), false)) {
        assertThat(r.jsonStream().next().get("stream").asText()).isEqualTo("Loaded image: x\n");
      }
      FakeDaemon.Req req = d.seen.get(1);
      assertThat(req.headers()).containsEntry("transfer-encoding", "chunked");
      assertThat(req.body()).isEqualTo(payload);
    }
  }

  @Test
  void hijackCarriesStdinAndHalfCloses() throws Exception {
    try (FakeDaemon d = new FakeDaemon(FakeDaemon.withPing("1.47", (req, in, out, ch) -> {
      out.write(("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\n"
          + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.write(StreamDemuxer.encode(StreamFrame.STDERR, "hello err\n".getBytes(StandardCharsets.UTF_8)));
      byte[] stdin = in.readAllBytes(); // until the client's half-close
      out.write(StreamDemuxer.encode(StreamFrame.STDOUT, stdin));
    }))) {
      HijackedStream s = d.client().containers().attach("c1", true, true, true, null);
      assertThat(s.multiplexed()).isTrue();
      s.stdin().write("echo me".getBytes(StandardCharsets.UTF_8));
      s.stdin().flush();
      s.closeStdin();
      ByteArrayOutputStream so = new ByteArrayOutputStream();
      ByteArrayOutputStream se = new ByteArrayOutputStream();
      new StreamDemuxer(s.output()).copyTo(so, se);
      s.close();
      assertThat(so.toString(StandardCharsets.UTF_8)).isEqualTo("echo me");
      assertThat(se.toString(StandardCharsets.UTF_8)).isEqualTo("hello err\n");
      FakeDaemon.Req req = d.seen.get(1);
      assertThat(req.target()).isEqualTo("/v1.47/containers/c1/attach?stream=1&stdin=1&stdout=1&stderr=1");
      assertThat(req.headers()).containsEntry("upgrade", "tcp").containsEntry("connection", "Upgrade");
    }
  }

  @Test
  void hijackRefusedIsAnError() throws IOException {
    try (FakeDaemon d = new FakeDaemon(FakeDaemon.withPing("1.47", (req, in, out, ch) ->
        FakeDaemon.respond(out, 404, "application/json", "{\"message\":\"No such container: x\"}")))) {
      assertThatThrownBy(() -> d.client().containers().attach("x", false, true, true, null))
          .isInstanceOf(NotFound.class).hasMessage("No such container: x");
    }
  }

  @Test
  void earlyErrorDuringAStreamedUploadIsReported() throws IOException {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory(java.nio.file.Path.of("/tmp"), "berth-e-");
    java.nio.file.Path sock = dir.resolve("early.sock");
    try (var server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
      server.bind(java.net.UnixDomainSocketAddress.of(sock));
      Thread t = Thread.ofVirtual().start(() -> {
        for (int i = 0; i < 2; i++) {
          try (var ch = server.accept()) {
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(java.nio.channels.Channels.newInputStream(ch)));
            String first = in.readLine();
            String body = first.contains("_ping") ? "OK" : "{\"message\":\"No such container: gone\"}";
            int status = first.contains("_ping") ? 200 : 404;
            String resp = "HTTP/1.1 " + status + " X\r\nApi-Version: 1.47\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
            ch.write(java.nio.ByteBuffer.wrap(resp.getBytes(StandardCharsets.UTF_8)));
            ch.shutdownOutput();
            Thread.sleep(50);
          } catch (Exception e) {
            return;
          }
        }
      });
      BerthClient c = new BerthClient(DockerHost.parse("unix://" + sock));
      java.io.InputStream endless = new java.io.InputStream() {
        @Override
        public int read() {
          return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return len; // zeros forever: the upload can only end by the connection breaking
        }
      };
      assertThatThrownBy(() -> c.containers().putArchive("gone", "/tmp", endless, true, false))
          .isInstanceOf(NotFound.class).hasMessage("No such container: gone");
      t.interrupt();
    } finally {
      java.nio.file.Files.deleteIfExists(sock);
      java.nio.file.Files.deleteIfExists(dir);
    }
  }
}
