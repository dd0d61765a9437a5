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
public final class SocketAttachSession implements AttachSession {
  // conmon reads client packets into a 32 KiB buffer and truncates bigger SEQPACKETs.
  private static final int MAX_SEND = 8192;
  private static final int MAX_PACKET = 32 * 1024;
  private static final byte CONMON_STDERR = 3;

  private final SeqPacketSocket socket;
  private final boolean stdin;
  private static final Object END = new Object();
  private final java.util.concurrent.BlockingQueue<Object> frames = new java.util.concurrent.LinkedBlockingQueue<>(64);
  private Thread pump;
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
    startPump();
    try {
      Object next = frames.take();
      if (next instanceof Frame f) {
        return f;
      }
      frames.put(next); // keep the end marker for later readers
      if (next instanceof IOException e) {
        throw new IOException(e.getMessage(), e);
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted reading attach socket");
    }
  }

  /**
   * Moves packets from the socket to a small queue on a platform thread: recv is a native call, and
   * a virtual thread blocked in one would pin its carrier — a few idle attachers could then stall
   * every virtual thread of the daemon.
   */
  private void startPump() {
    synchronized (frames) {
      if (pump != null) {
        return;
      }
      pump = Thread.ofPlatform().daemon().name("conmon-attach-reader").start(this::pumpLoop);
    }
  }

  private void pumpLoop() {
    byte[] buf = new byte[MAX_PACKET];
    Object end = END;
    try {
      int n;
      while ((n = socket.recv(buf)) >= 0) {
        if (n < 2) {
          continue;
        }
        StreamType type = buf[0] == CONMON_STDERR ? StreamType.STDERR : StreamType.STDOUT;
        frames.put(new Frame(type, Arrays.copyOfRange(buf, 1, n)));
      }
    } catch (IOException e) {
      end = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      frames.put(end);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
    Thread t;
    synchronized (frames) {
      t = pump;
    }
    if (t != null) {
      frames.clear(); // unblock a pump waiting for room; it then sees end of stream
    }
    // The pump's own end marker may have been queued before the clear above and so dropped with
    // it; a reader blocked in read() must still wake, so put one back (a second is harmless).
    frames.offer(END);
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
