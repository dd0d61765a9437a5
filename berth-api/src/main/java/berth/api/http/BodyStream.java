package berth.api.http;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Bytes arriving on the event loop, read by a handler's virtual thread. Reading is paced: when
 * too many chunks wait, {@code pause} turns the channel's reads off until the reader catches up,
 * so a large upload (import, load, archive PUT) never sits in memory.
 */
public final class BodyStream extends InputStream {
  private static final ByteBuf EOF = io.netty.buffer.Unpooled.EMPTY_BUFFER;
  private static final int HIGH = 32;
  private static final int LOW = 4;

  private final LinkedBlockingQueue<ByteBuf> chunks = new LinkedBlockingQueue<>();
  private final Consumer<Boolean> autoRead;
  private ByteBuf current;
  private boolean ended;
  private volatile boolean discarding;
  private volatile boolean paused;

  /** {@code autoRead} switches the channel's reading on (true) or off (false). */
  public BodyStream(Consumer<Boolean> autoRead) {
    this.autoRead = autoRead;
  }

  /** Event loop: a chunk arrived (retained by the caller, released here). */
  public void offer(ByteBuf chunk) {
    chunks.add(chunk);
    if (discarding) {
      drain();
      return;
    }
    pauseIfFull();
  }

  /*
   * Pausing (event loop) and resuming (reader) decide under one lock, each reading the queue's
   * size inside it: otherwise the reader can empty the queue between the event loop's check and
   * its pause, then wait in take() with reads off for good, or the two autoRead calls can land
   * in the wrong order (seen with a 50 MB build context).
   */
  private synchronized void pauseIfFull() {
    if (chunks.size() > HIGH && !paused) {
      paused = true;
      autoRead.accept(false);
    }
  }

  /** Event loop: no more bytes will come. */
  public void end() {
    chunks.add(EOF);
  }

  /** The reader is gone: drop what is queued and what still comes. */
  public void discard() {
    discarding = true;
    drain();
    if (current != null && current != EOF) {
      current.release();
      current = null;
    }
    resume();
  }

  private void drain() {
    for (ByteBuf b; (b = chunks.poll()) != null; ) {
      b.release();
    }
  }

  private synchronized void resume() {
    if (paused) {
      paused = false;
      autoRead.accept(true);
    }
  }

  private synchronized void resumeIfDrained() {
    if (paused && chunks.size() < LOW) {
      paused = false;
      autoRead.accept(true);
    }
  }

  private boolean fill() throws IOException {
    while (current == null || !current.isReadable()) {
      if (ended) {
        return false;
      }
      if (current != null) {
        current.release();
        current = null;
      }
      try {
        current = chunks.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("request body read interrupted");
      }
      resumeIfDrained();
      if (current == EOF) {
        current = null;
        ended = true;
        return false;
      }
    }
    return true;
  }

  @Override
  public int read() throws IOException {
    return fill() ? current.readByte() & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, current.readableBytes());
    current.readBytes(b, off, n);
    return n;
  }

  @Override
  public int available() {
    return current == null ? 0 : current.readableBytes();
  }

  @Override
  public void close() {
    discard();
  }
}
