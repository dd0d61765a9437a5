package berth.registry.http;

import berth.core.Json;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
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
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.stream.ChunkedNioFile;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * The answer to one request, written from the handler's virtual thread: exactly one of
 * {@link #json}, {@link #bytes}, {@link #empty} or {@link #file}. Headers set with
 * {@link #header} go on whichever it is.
 */
public final class Reply {
  private final Channel channel;
  private final boolean head;
  private final HttpHeaders extra = new DefaultHttpHeaders();
  private boolean keepAlive;
  private boolean committed;

  Reply(Channel channel, boolean keepAlive, boolean head) {
    this.channel = channel;
    this.keepAlive = keepAlive;
    this.head = head;
  }

  public Reply header(String name, Object value) {
    extra.set(name, value);
    return this;
  }

  public boolean committed() {
    return committed;
  }

  boolean keepAlive() {
    return keepAlive;
  }

  /** Close the connection after this response (a request body we refused to read, say). */
  public void closeAfter() {
    keepAlive = false;
  }

  public void json(int status, Object body) throws IOException {
    bytes(status, "application/json", Json.MAPPER.writeValueAsBytes(body));
  }

  public void empty(int status) throws IOException {
    bytes(status, null, new byte[0]);
  }

  /** A whole body; for HEAD only its length is sent. */
  public void bytes(int status, String contentType, byte[] body) throws IOException {
    commit();
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
        head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
    headers(r, contentType);
    r.headers().set(HttpHeaderNames.CONTENT_LENGTH, body.length);
    await(channel.writeAndFlush(r));
  }

  /**
   * {@code length} bytes of {@code file} from {@code offset}: zero-copy (sendfile) on plain
   * connections, chunked reads under TLS. The channel is closed by this method.
   */
  public void file(int status, String contentType, FileChannel file, long offset, long length) throws IOException {
    commit();
    HttpResponse r = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
    headers(r, contentType);
    r.headers().set(HttpHeaderNames.CONTENT_LENGTH, length);
    if (head || length == 0) {
      file.close();
      channel.write(r);
      await(channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
      return;
    }
    channel.write(r);
    if (channel.pipeline().get(SslHandler.class) == null) {
      channel.write(new DefaultFileRegion(file, offset, length));
    } else {
      channel.write(new ChunkedNioFile(file, offset, length, 64 * 1024));
    }
    await(channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT));
  }

  /** Plain text, as Go's net/http answers an unknown path. */
  public void text(int status, String body) throws IOException {
    bytes(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }

  private void headers(HttpResponse r, String contentType) {
    r.headers().set("Docker-Distribution-API-Version", "registry/2.0");
    r.headers().add(extra);
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

  static void await(ChannelFuture f) throws IOException {
    try {
      f.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("write interrupted");
    }
    if (!f.isSuccess()) {
      throw new IOException("client connection lost", f.cause());
    }
  }
}
