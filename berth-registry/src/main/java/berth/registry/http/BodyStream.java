package berth.registry.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * A request body arriving on the event loop, read by the handler's virtual thread. Paced: past
 * {@code HIGH} queued chunks the channel stops reading until the reader catches up, so a blob
 * upload never sits in memory.
 */
public final class BodyStream extends InputStream {
  private static final ByteBuf EOF = Unpooled.EMPTY_BUFFER;
  private static final int HIGH = 32;
  private static final int LOW = 4;

  private final LinkedBlockingQueue<ByteBuf> chunks = new LinkedBlockingQueue<>();
  private final Consumer<Boolean> autoRead;
  private ByteBuf current;
  private boolean ended;
  private volatile boolean discarding;
  private volatile boolean paused;
  private volatile boolean aborted;

  /** {@code autoRead} switches the channel's reading on (true) or off (false). */
  public BodyStream(Consumer<Boolean> autoRead) {
    this.autoRead = autoRead;
  }

  /** A body that is already complete (tests, tools). */
  public static BodyStream of(byte[] content) {
    BodyStream b = new BodyStream(on -> {});
    if (content.length > 0) {
      b.offer(Unpooled.wrappedBuffer(content));
    }
    b.end();
    return b;
  }

  /** A body whose connection dropped after {@code content}: reading it ends in an error. */
  public static BodyStream truncated(byte[] content) {
    BodyStream b = new BodyStream(on -> {});
    b.offer(Unpooled.wrappedBuffer(content));
    b.abort();
    return b;
  }

  /** Event loop: a chunk arrived (retained by the caller, released here). */
  void offer(ByteBuf chunk) {
    chunks.add(chunk);
    if (discarding) {
      drain();
      return;
    }
    if (chunks.size() > HIGH && !paused) {
      paused = true;
      autoRead.accept(false);
    }
  }

  /** Event loop: no more bytes will come. */
  void end() {
    chunks.add(EOF);
  }

  /** Event loop: the connection ended before the body did; the reader gets an error, not EOF. */
  void abort() {
    aborted = true;
    chunks.add(EOF);
  }

  /** The reader is gone: drop what is queued and what still comes. */
  void discard() {
    discarding = true;
    drain();
    ByteBuf c = current;
    if (c != null && c != EOF) {
      current = null;
      c.release();
    }
    resume();
  }

  private void drain() {
    for (ByteBuf b; (b = chunks.poll()) != null; ) {
      b.release();
    }
  }

  private void resume() {
    if (paused) {
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
      if (paused && chunks.size() < LOW) {
        resume();
      }
      if (current == EOF) {
        current = null;
        ended = true;
        if (aborted) {
          throw new java.io.EOFException("request body truncated: the client went away");
        }
        return false;
      }
    }
    return true;
  }

  /**
   * Writes the whole remaining body to {@code out}, feeding {@code md} (may be null) with the same
   * bytes, without copying them through a heap array. Stops after {@code limit} bytes and
   * reports {@code limit + 1} when more would have come (the caller refuses the request).
   */
  public long drainTo(WritableByteChannel out, MessageDigest md, long limit) throws IOException {
    long n = 0;
    while (fill()) {
      int take = current.readableBytes();
      if (n + take > limit) {
        return limit + 1;
      }
      for (ByteBuffer bb : current.nioBuffers()) {
        if (md != null) {
          md.update(bb.duplicate());
        }
        while (bb.hasRemaining()) {
          out.write(bb);
        }
      }
      current.skipBytes(take);
      n += take;
    }
    return n;
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
    ByteBuf c = current;
    return c == null ? 0 : c.readableBytes();
  }

  @Override
  public void close() {
    discard();
  }
}
