package berth.runtime.internal;

import berth.runtime.AttachSession;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A client of conmon's attach socket. Every packet from conmon is one byte naming the pipe (conmon's
 * stdpipe_t: 2 stdout, 3 stderr — not Docker's 1 and 2) followed by the data; packets we send are
 * raw stdin bytes.
 * Several clients may be attached at once; conmon copies output to each.
 */
public class SocketAttachSession implements AttachSession {
  // conmon reads client packets into a 32 KiB buffer and truncates bigger SEQPACKETs.
  private static final int MAX_SEND = 8192;
  private static final int MAX_PACKET = 32 * 1024;
  private static final byte CONMON_STDERR = 3;

  private final SeqPacketSocket socket;
  private final boolean stdin;
  private final byte[] buf = new byte[MAX_PACKET];
  private final OutputStream stdinStream = new StdinStream();

  public SocketAttachSession(SeqPacketSocket socket, boolean stdin) {
    this.socket = socket;
    this.stdin = stdin;
  }

  public static SocketAttachSession connect(Path attachSocket, boolean stdin) throws IOException {
    return new SocketAttachSession(SeqPacketSocket.connect(attachSocket), stdin);
  }

  @Override
  public Frame read() throws IOException {
    synchronized (buf) {
      while (true) {
        int n = socket.recv(buf);
        if (n < 0) {
          return null;
        }
        if (n < 2) {
          continue;
        }
        StreamType type = buf[0] == CONMON_STDERR ? StreamType.STDERR : StreamType.STDOUT;
        return new Frame(type, Arrays.copyOfRange(buf, 1, n));
      }
    }
  }

  @Override
  public OutputStream stdin() {
    if (!stdin) {
      throw new IllegalStateException("attached without stdin");
    }
    return stdinStream;
  }

  @Override
  public void closeStdin() throws IOException {
    socket.shutdownOutput();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private final class StdinStream extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      synchronized (this) {
        for (int i = 0; i < len; i += MAX_SEND) {
          socket.send(b, off + i, Math.min(MAX_SEND, len - i));
        }
      }
    }

    @Override
    public void close() throws IOException {
      closeStdin();
    }
  }
}
