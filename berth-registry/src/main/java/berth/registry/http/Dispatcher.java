package berth.registry.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Per connection: hands each decoded request to a virtual thread and feeds it the body as it
 * arrives. One request at a time (HTTP/1.1 keep-alive); what a client sends early waits in
 * {@code pending}. The same shape as berth-api's dispatcher, without hijacking.
 */
public final class Dispatcher extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

  private final Handler handler;
  private final Executor executor;
  private final String scheme;
  private final ArrayDeque<Object> pending = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private Exchange current;
  private boolean inputShut;

  private static final class Exchange {
    final BodyStream body;
    boolean handlerDone;
    boolean bodyDone;
    boolean keepAlive;

    Exchange(BodyStream body) {
      this.body = body;
    }
  }

  public Dispatcher(Handler handler, Executor executor, String scheme) {
    this.handler = handler;
    this.executor = executor;
    this.scheme = scheme;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (current != null || !pending.isEmpty()) {
      if (current != null && pending.isEmpty() && msg instanceof HttpContent c && !(msg instanceof HttpRequest)) {
        feed(c);
        return;
      }
      pending.add(msg);
      return;
    }
    if (msg instanceof HttpRequest req) {
      begin(req);
    }
    ReferenceCountUtil.release(msg);
  }

  private void feed(HttpContent c) {
    current.body.offer(c.content().retain());
    if (c instanceof LastHttpContent) {
      current.body.end();
      current.bodyDone = true;
      maybeComplete();
    }
    c.release();
  }

  private void begin(HttpRequest req) {
    BodyStream body = new BodyStream(on -> ctx.channel().config().setAutoRead(on));
    Exchange ex = new Exchange(body);
    current = ex;
    boolean bad = req.decoderResult().isFailure();
    ex.keepAlive = HttpUtil.isKeepAlive(req) && !bad;
    Reply reply = new Reply(ctx.channel(), ex.keepAlive, req.method().equals(HttpMethod.HEAD));
    if (req instanceof HttpContent c) {
      feed(c.retain());
    }
    executor.execute(() -> serve(ex, reply, req, bad));
  }

  private void serve(Exchange ex, Reply reply, HttpRequest req, boolean bad) {
    try {
      if (bad) {
        reply.closeAfter();
        reply.text(400, "400 Bad Request");
        return;
      }
      QueryStringDecoder qs = new QueryStringDecoder(req.uri());
      handler.handle(new Request(req.method().name(), qs.path(), qs.parameters(), req.headers(), ex.body, scheme), reply);
    } catch (Throwable t) {
      // a client that goes away mid-response is ordinary; anything else is worth a warning
      Level level = reply.committed() && t instanceof java.io.IOException ? Level.FINE : Level.WARNING;
      LOG.log(level, req.method() + " " + req.uri() + " failed", t);
      if (!reply.committed()) {
        try {
          reply.closeAfter();
          reply.text(500, "internal error");
        } catch (Throwable ignored) {
          ctx.channel().close();
        }
      } else {
        ctx.channel().close();
      }
    } finally {
      boolean keep = reply.keepAlive();
      ctx.executor().execute(() -> handlerDone(ex, keep));
    }
  }

  private void handlerDone(Exchange ex, boolean keep) {
    ex.handlerDone = true;
    ex.keepAlive &= keep;
    ex.body.discard();
    if (!ex.keepAlive && !ex.bodyDone) {
      // a body we chose not to read: do not wait for the rest of it
      current = null;
      release();
      ctx.close();
      return;
    }
    maybeComplete();
  }

  private void maybeComplete() {
    Exchange ex = current;
    if (ex == null || !ex.handlerDone || !ex.bodyDone) {
      return;
    }
    current = null;
    ctx.channel().config().setAutoRead(true);
    if (!ex.keepAlive || inputShut && pending.isEmpty()) {
      release();
      ctx.close();
      return;
    }
    while (current == null && !pending.isEmpty()) {
      Object msg = pending.poll();
      if (msg instanceof HttpRequest req) {
        begin(req);
      }
      ReferenceCountUtil.release(msg);
    }
    while (current != null && !pending.isEmpty() && !(pending.peek() instanceof HttpRequest)) {
      feed((HttpContent) pending.poll());
    }
  }

  private void release() {
    for (Object m; (m = pending.poll()) != null; ) {
      ReferenceCountUtil.release(m);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof ChannelInputShutdownEvent) {
      inputShut = true;
      if (current == null) {
        ctx.close();
      } else if (!current.bodyDone) {
        current.body.abort();
        current.bodyDone = true;
        current.keepAlive = false;
        maybeComplete();
      }
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (current != null && !current.bodyDone) {
      current.body.abort();
    }
    release();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.fine(() -> "connection error: " + cause);
    ctx.close();
  }
}
