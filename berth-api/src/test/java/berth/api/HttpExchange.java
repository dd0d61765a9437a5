package berth.api;

import berth.api.http.Dispatcher;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpServerCodec;
import java.nio.charset.StandardCharsets;

/** Drives the real pipeline (codec + dispatcher + router) through an EmbeddedChannel, no socket. */
final class HttpExchange {
  private HttpExchange() {}

  /** Sends one raw HTTP request; returns the decoded response (the caller releases it). */
  static FullHttpResponse send(Services services, String rawRequest) {
    EmbeddedChannel server = new EmbeddedChannel(new HttpServerCodec(), new HttpObjectAggregator(16 << 20),
        new Dispatcher(ApiServer.router(services), ApiServer.commonHeaders("test"), Runnable::run, false));
    server.writeInbound(Unpooled.copiedBuffer(rawRequest, StandardCharsets.ISO_8859_1));
    server.runPendingTasks();
    EmbeddedChannel client = new EmbeddedChannel(new HttpResponseDecoder(), new HttpObjectAggregator(16 << 20));
    for (ByteBuf b; (b = server.readOutbound()) != null; ) {
      client.writeInbound(b);
    }
    client.finish();
    server.finishAndReleaseAll();
    FullHttpResponse r = client.readInbound();
    if (r == null) {
      throw new AssertionError("no response to " + rawRequest.lines().findFirst().orElse(""));
    }
    return r;
  }

  static FullHttpResponse get(Services s, String uri) {
    return send(s, "GET " + uri + " HTTP/1.1\r\nHost: api\r\n\r\n");
  }

  static FullHttpResponse post(Services s, String uri, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return send(s, "POST " + uri + " HTTP/1.1\r\nHost: api\r\nContent-Type: application/json\r\nContent-Length: "
        + body.length + "\r\n\r\n" + json);
  }
}
