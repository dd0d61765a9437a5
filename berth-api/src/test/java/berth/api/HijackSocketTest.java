package berth.api;

import static org.assertj.core.api.Assertions.assertThat;

import berth.engine.AttachStream;
import berth.engine.Frame;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hijack path on a real Unix socket: 101 UPGRADED, the client's bytes reach the session's
 * stdin, its half-close closes stdin while output keeps flowing, then the server closes.
 */
class HijackSocketTest {
  Path socket = Path.of("/tmp/berth-d2-hijack-" + ProcessHandle.current().pid() + ".sock");
  ApiServer server;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    Files.deleteIfExists(socket);
  }

  @Test
  void attachEchoesStdinThroughMultiplexedFramesAndEndsOnHalfClose() throws Exception {
    FakeServices fake = new FakeServices().answer("attach", a -> new EchoSession());
    server = ApiServer.start(fake.services(), List.of(socket), false);
    assertThat(Files.getPosixFilePermissions(socket)).hasSize(4); // rw-rw----
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      write(ch, "POST /v1.47/containers/web/attach?stream=1&stdin=1&stdout=1 HTTP/1.1\r\nHost: x\r\n"
          + "Connection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: 0\r\n\r\n");
      String head = readHead(ch);
      assertThat(head).startsWith("HTTP/1.1 101 UPGRADED\r\n")
          .contains("Content-Type: application/vnd.docker.multiplexed-stream", "Upgrade: tcp", "Connection: Upgrade");
      write(ch, "hello");
      ch.shutdownOutput();
      byte[] rest = readToEnd(ch);
      byte[] expected = new byte[] {1, 0, 0, 0, 0, 0, 0, 5, 'h', 'e', 'l', 'l', 'o', 2, 0, 0, 0, 0, 0, 0, 3, 'e',
          'o', 'f'};
      assertThat(rest).containsExactly(expected);
    }
  }

  private static void write(SocketChannel ch, String s) throws IOException {
    ch.write(ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1)));
  }

  private static String readHead(SocketChannel ch) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer one = ByteBuffer.allocate(1);
    while (!out.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      one.clear();
      if (ch.read(one) < 0) {
        throw new IOException("closed during head: " + out);
      }
      out.write(one.array()[0]);
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  private static byte[] readToEnd(SocketChannel ch) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer buf = ByteBuffer.allocate(4096);
    while (ch.read(buf) >= 0) {
      buf.flip();
      out.write(buf.array(), 0, buf.limit());
      buf.clear();
    }
    return out.toByteArray();
  }

  /** Echoes stdin to stdout; on stdin's EOF writes "eof" to stderr and ends. */
  static final class EchoSession implements AttachStream {
    final LinkedBlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    static final Frame END = new Frame(Frame.Stream.STDOUT, new byte[0]);

    @Override
    public OutputStream stdin() {
      return new OutputStream() {
        @Override
        public void write(int b) {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
          frames.add(new Frame(Frame.Stream.STDOUT, java.util.Arrays.copyOfRange(b, off, off + len)));
        }
      };
    }

    @Override
    public void closeStdin() {
      frames.add(new Frame(Frame.Stream.STDERR, "eof".getBytes()));
      frames.add(END);
    }

    @Override
    public boolean detached() {
      return false;
    }

    @Override
    public boolean tty() {
      return false;
    }

    @Override
    public Frame next() throws InterruptedException {
      Frame f = frames.take();
      return f == END ? null : f;
    }

    @Override
    public void close() {
      frames.add(END);
    }
  }
}
