package berth.api.http;

import berth.core.Json;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The answer to one request, written from the handler's virtual thread: a whole response
 * ({@link #json}, {@link #empty}), a streamed body ({@link #stream}) or a hijacked connection
 * ({@link #hijack}). Exactly one of them per request.
 */
public final class Response {
  private final Channel channel;
  private final boolean keepAlive;
  private final HttpHeaders common;
  private final HttpHeaders extra = new DefaultHttpHeaders();
  private final Hijacker hijacker;
  private boolean committed;
  private ChunkedOut stream;
  private RawConnection raw;

  /** Switches a connection from HTTP to raw bytes (the dispatcher knows the pipeline). */
  public interface Hijacker {
    RawConnection hijack(byte[] responseHead);
  }

  public Response(Channel channel, boolean keepAlive, HttpHeaders common, Hijacker hijacker) {
    this.channel = channel;
    this.keepAlive = keepAlive;
    this.common = common;
    this.hijacker = hijacker;
  }

  /** Headers added to whatever is sent next. */
  public HttpHeaders headers() {
    return extra;
  }

  public boolean committed() {
    return committed;
  }

  boolean keepAlive() {
    return keepAlive && raw == null && (stream == null || stream.closedCleanly);
  }

  private final java.util.List<Runnable> inputShutdownListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile boolean inputShut;

  /**
   * Runs {@code r} (on a virtual thread) when the client ends its side of the connection while the
   * handler still runs: for a plain request that means the client went away (the server allows
   * half-closed connections, so no close is seen until a write fails). Docker stops a build then.
   */
  public void onInputShutdown(Runnable r) {
    inputShutdownListeners.add(r);
    if (inputShut) {
      Thread.ofVirtual().start(r);
    }
  }

  /** Event loop: the client half-closed the connection. */
  void inputShutdown() {
    inputShut = true;
    for (Runnable r : inputShutdownListeners) {
      Thread.ofVirtual().start(r);
    }
  }

  /** Runs {@code r} when the client goes away (or the connection is closed for any reason). */
  public void onClose(Runnable r) {
    channel.closeFuture().addListener(f -> r.run());
  }

  public void json(int status, Object body) throws IOException {
    byte[] data = Json.MAPPER.writeValueAsBytes(body);
    byte[] withNewline = new byte[data.length + 1];
    System.arraycopy(data, 0, withNewline, 0, data.length);
    withNewline[data.length] = '\n';
    full(status, "application/json", withNewline);
  }

  public void empty(int status) throws IOException {
    full(status, null, new byte[0]);
  }

  public void text(int status, String contentType, String body) throws IOException {
    full(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  public void full(int status, String contentType, byte[] body) throws IOException {
    commit();
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
        Unpooled.wrappedBuffer(body));
    head(r, contentType);
    r.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
    await(channel.writeAndFlush(r));
  }

  /** Sends the head now and returns the body stream (chunked); closing it ends the response. */
  public OutputStream stream(int status, String contentType) throws IOException {
    commit();
    HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
    head(r, contentType);
    r.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
    await(channel.writeAndFlush(r));
    stream = new ChunkedOut();
    return stream;
  }

  /**
   * Takes the connection over, Docker's way: "101 UPGRADED" when the client asked for
   * {@code Upgrade: tcp}, else "200 OK", then raw bytes both ways until one side closes.
   */
  public RawConnection hijack(boolean upgrade, String contentType) throws IOException {
    commit();
    StringBuilder sb = new StringBuilder(upgrade ? "HTTP/1.1 101 UPGRADED\r\n" : "HTTP/1.1 200 OK\r\n");
    sb.append("Content-Type: ").append(contentType).append("\r\n");
    if (upgrade) {
      sb.append("Connection: Upgrade\r\nUpgrade: tcp\r\n");
    }
    for (var h : common) {
      sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    for (var h : extra) {
      sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
    }
    sb.append("\r\n");
    raw = hijacker.hijack(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
    return raw;
  }

  private void head(HttpResponse r, String contentType) {
    r.headers().add(common);
    for (var h : extra) {
      r.headers().set(h.getKey(), h.getValue());
    }
    if (contentType != null) {
      r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    }
    if (!keepAlive) {
      r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
  }

  private void commit() {
    if (committed) {
      throw new IllegalStateException("response already sent");
    }
    committed = true;
  }

  /** The handler returned: end an open stream, close a hijacked connection. */
  void finish() {
    if (stream != null) {
      stream.close();
    }
    if (raw != null) {
      raw.close();
    }
  }

  static void await(ChannelFuture f) throws IOException {
    try {
      f.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("write interrupted");
    }
    if (!f.isSuccess()) {
      throw new IOException("client connection lost", f.cause());
    }
  }

  /** Writes body bytes as HTTP chunks, waiting when the socket cannot take more. */
  private final class ChunkedOut extends OutputStream {
    private boolean closed;
    private boolean closedCleanly;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (closed) {
        throw new IOException("stream closed");
      }
      if (len == 0) {
        return;
      }
      ByteBuf buf = Unpooled.copiedBuffer(b, off, len);
      ChannelFuture f = channel.writeAndFlush(new DefaultHttpContent(buf));
      if (!channel.isWritable() || !channel.isActive()) {
        await(f);
      }
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        try {
          await(channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
          closedCleanly = true;
        } catch (IOException e) {
          channel.close();
        }
      }
    }
  }
}
