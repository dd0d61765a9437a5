package berth.api.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * Per connection: takes decoded requests off the event loop and runs each one's handler on a
 * virtual thread, feeding the body to it as it arrives. One request at a time per connection
 * (HTTP/1.1 keep-alive); anything a client pipelines waits in {@code pending}.
 */
public final class Dispatcher extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

  private final Router router;
  private final HttpHeaders common;
  private final Executor executor;
  private final boolean debug;
  private final ArrayDeque<Object> pending = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private Exchange current;
  private boolean inputShut;
  private boolean hijacked;

  /** The request being served: its body feed and whether the handler and the body are done. */
  private static final class Exchange {
    final BodyStream body;
    boolean handlerDone;
    boolean bodyDone;
    boolean keepAlive;
    Response response;

    Exchange(BodyStream body) {
      this.body = body;
    }
  }

  public Dispatcher(Router router, HttpHeaders common, Executor executor, boolean debug) {
    this.router = router;
    this.common = common;
    this.executor = executor;
    this.debug = debug;
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
    ex.keepAlive = HttpUtil.isKeepAlive(req) && !req.decoderResult().isFailure();
    Response resp = new Response(ctx.channel(), ex.keepAlive, common, this::hijack);
    ex.response = resp;
    if (req.decoderResult().isFailure()) {
      executor.execute(() -> serve(ex, resp, null, req));
      return;
    }
    if (req instanceof HttpContent c) {
      feed(c.retain());
    }
    executor.execute(() -> serve(ex, resp, req.method().name(), req));
  }

  /** Virtual thread: route, run the handler, map any failure, then hand the connection back. */
  private void serve(Exchange ex, Response resp, String method, HttpRequest req) {
    long start = System.nanoTime();
    int status = 0;
    try {
      if (method == null) {
        throw new berth.core.errors.InvalidArgument("malformed request: " + req.decoderResult().cause().getMessage());
      }
      QueryStringDecoder qs = new QueryStringDecoder(req.uri());
      Router.Match m = router.resolve(method, qs.rawPath());
      Request r = new Request(method, m.path(), m.version(), m.params(), qs.parameters(), req.headers(), ex.body);
      m.handler().handle(r, resp);
    } catch (Throwable t) {
      ErrorMapper.Mapped mapped = ErrorMapper.map(t);
      status = mapped.status();
      if (!resp.committed()) {
        try {
          if (mapped.status() == 304) {
            resp.empty(304);
          } else {
            resp.json(mapped.status(), new berth.api.model.ErrorResponse(mapped.message()));
          }
        } catch (Throwable ignored) {
          ctx.channel().close();
        }
      } else {
        ctx.channel().close();
      }
    } finally {
      resp.finish();
      if (debug) {
        LOG.fine(() -> req.method() + " " + req.uri() + " " + (System.nanoTime() - start) / 1_000_000 + "ms");
      }
      boolean keep = resp.keepAlive();
      ctx.executor().execute(() -> handlerDone(ex, keep));
    }
  }

  private void handlerDone(Exchange ex, boolean keep) {
    ex.handlerDone = true;
    ex.keepAlive &= keep;
    ex.body.discard();
    maybeComplete();
  }

  private void maybeComplete() {
    Exchange ex = current;
    if (hijacked || ex == null || !ex.handlerDone || !ex.bodyDone) {
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

  /** Event loop: the handler took the connection over; HTTP stops here. */
  private RawConnection hijack(byte[] head) {
    BodyStream in = new BodyStream(on -> ctx.channel().config().setAutoRead(on));
    RawConnection raw = new RawConnection(ctx.channel(), in);
    ctx.executor().execute(() -> {
      hijacked = true;
      var p = ctx.pipeline();
      p.addAfter(ctx.name(), "raw", new RawInbound(in));
      release();
      p.remove(this);
      if (p.get(HttpServerCodec.class) != null) {
        p.remove(HttpServerCodec.class);
      }
      ctx.channel().config().setAutoRead(true);
      ctx.channel().writeAndFlush(Unpooled.wrappedBuffer(head));
    });
    return raw;
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
      if (current != null && current.response != null) {
        current.response.inputShutdown();
      }
      if (current == null) {
        ctx.close();
      } else if (!current.bodyDone) {
        current.body.end();
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
      current.body.end();
    }
    release();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.fine(() -> "connection error: " + ErrorMapper.chain(cause));
    ctx.close();
  }

  /** After a hijack: the client's raw bytes go to the session; its half-close is stdin's EOF. */
  static final class RawInbound extends ChannelInboundHandlerAdapter {
    private final BodyStream in;

    RawInbound(BodyStream in) {
      this.in = in;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof ByteBuf b) {
        in.offer(b);
      } else {
        ReferenceCountUtil.release(msg);
      }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
      if (evt instanceof ChannelInputShutdownEvent) {
        in.end();
      }
      ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      in.end();
      ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
