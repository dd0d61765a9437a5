package berth.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixHttpTest {

  @Test
  void dechunkJoinsChunksAndStopsAtTheLastOne() {
    byte[] body = "4\r\nWiki\r\n5;ext=1\r\npedia\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(new String(UnixHttp.dechunk(body), StandardCharsets.UTF_8)).isEqualTo("Wikipedia");
  }

  @Test
  void dechunkKeepsWhatArrivedOfACutStream() {
    byte[] body = "4\r\nWiki\r\n9\r\nped".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(new String(UnixHttp.dechunk(body), StandardCharsets.UTF_8)).isEqualTo("Wikiped");
  }

  @Test
  void framesSplitDockersMultiplexedStream() {
    ByteBuffer b = ByteBuffer.allocate(8 + 3 + 8 + 4);
    b.put(new byte[] {1, 0, 0, 0}).putInt(3).put("out".getBytes(StandardCharsets.UTF_8));
    b.put(new byte[] {2, 0, 0, 0}).putInt(4).put("err\n".getBytes(StandardCharsets.UTF_8));
    assertThat(Hijacked.frames(b.array()))
        .containsExactly(new Hijacked.Frame(1, "out"), new Hijacked.Frame(2, "err\n"));
  }

  @Test
  void readsStatusHeadersAndChunkedBodyOffASocket(@TempDir Path dir) throws Exception {
    Path sock = dir.resolve("s.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(sock));
      Thread t = Thread.ofVirtual().start(() -> answer(server,
          "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "13\r\n{\"message\":\"No such\r\n0c\r\n container\"}\r\n0\r\n\r\n"));
      HttpReply r = new UnixHttp(sock).request("GET", "/containers/x/json", Map.of("X-Test", "1"), null);
      t.join();
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.header("content-type")).isEqualTo("application/json");
      assertThat(r.message()).isEqualTo("No such container");
    }
  }

  private static void answer(ServerSocketChannel server, String response) {
    try (SocketChannel c = server.accept()) {
      ByteBuffer in = ByteBuffer.allocate(4096);
      String req = "";
      while (!req.contains("\r\n\r\n")) {
        c.read(in);
        req = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
      }
      c.write(ByteBuffer.wrap(response.getBytes(StandardCharsets.ISO_8859_1)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
