package berth.registry;

import berth.registry.RegistryConfig.HtpasswdAuth;
import berth.registry.RegistryConfig.TokenAuth;
import berth.registry.api.RegistryApi;
import berth.registry.api.Storage;
import berth.registry.auth.AccessGate;
import berth.registry.auth.BasicGate;
import berth.registry.auth.Htpasswd;
import berth.registry.auth.TokenAuthority;
import berth.registry.http.Dispatcher;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The registry on a TCP port: Netty for I/O (epoll when there is, NIO otherwise), each request on
 * its own virtual thread.
 *
 * <pre>{@code
 * try (RegistryServer s = RegistryServer.start(config)) {
 *   int port = s.port();   // when config.listen() asked for port 0
 *   ...
 * }
 * }</pre>
 */
public final class RegistryServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RegistryServer.class.getName());
  private static final Duration UPLOAD_MAX_AGE = Duration.ofDays(7);

  private final EventLoopGroup group;
  private final ExecutorService handlers;
  private final Channel listener;
  private final Thread purger;

  private RegistryServer(EventLoopGroup group, ExecutorService handlers, Channel listener, Thread purger) {
    this.group = group;
    this.handlers = handlers;
    this.listener = listener;
    this.purger = purger;
  }

  /** Upload sessions a client abandoned (or a crash left) go after a week, checked hourly. */
  private static Thread purgeAbandonedUploads(Storage storage) {
    return Thread.ofVirtual().name("registry-upload-purge").start(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          Thread.sleep(Duration.ofHours(1));
          int n = storage.uploads().purge(UPLOAD_MAX_AGE);
          if (n > 0) {
            LOG.info("removed " + n + " upload sessions older than a week");
          }
        } catch (InterruptedException e) {
          return;
        } catch (IOException | RuntimeException e) {
          LOG.warning("purging old upload sessions: " + e);
        }
      }
    });
  }

  public static RegistryServer start(RegistryConfig config) throws IOException {
    Storage storage = Storage.open(config.storage());
    int purged = storage.uploads().purge(UPLOAD_MAX_AGE);
    if (purged > 0) {
      LOG.info("removed " + purged + " upload sessions older than a week");
    }
    TokenAuthority tokens = null;
    AccessGate gate = AccessGate.OPEN;
    switch (config.auth()) {
      case HtpasswdAuth h -> gate = new BasicGate(Htpasswd.load(h.path()), h.realm(), h.access());
      case TokenAuth t -> {
        byte[] secret = t.secret() != null ? t.secret().getBytes(StandardCharsets.UTF_8) : randomSecret();
        tokens = new TokenAuthority(t.realm(), t.service(), t.issuer(),
            t.htpasswd() == null ? null : Htpasswd.load(t.htpasswd()), t.anonymousPull(), t.expirationSeconds(),
            secret, t.access());
        gate = tokens;
      }
      case RegistryConfig.NoAuth n -> { }
    }
    RegistryApi api = new RegistryApi(storage, gate, tokens,
        new RegistryApi.Options(config.deleteEnabled(), config.readOnly(), config.maxManifestBytes()));
    SslContext ssl = config.tlsCertificate() == null ? null
        : SslContextBuilder.forServer(config.tlsCertificate().toFile(), config.tlsKey().toFile()).build();
    String scheme = ssl == null ? "http" : "https";

    boolean epoll = Epoll.isAvailable();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(0,
        epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    ExecutorService handlers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("registry-", 0).factory());
    Class<? extends ServerChannel> channel = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    ServerBootstrap b = new ServerBootstrap().group(group).channel(channel)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            if (ssl != null) {
              ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
            }
            ch.pipeline().addLast(new HttpServerCodec(8192, 64 * 1024, 64 * 1024));
            ch.pipeline().addLast(new ChunkedWriteHandler());
            ch.pipeline().addLast(new HttpServerExpectContinueHandler());
            ch.pipeline().addLast(new Dispatcher(api, handlers, scheme));
          }
        });
    try {
      Channel listener = b.bind(address(config.listen())).sync().channel();
      RegistryServer s = new RegistryServer(group, handlers, listener, purgeAbandonedUploads(storage));
      LOG.info("registry listening on " + scheme + "://" + config.listen() + " (port " + s.port() + "), storage "
          + config.storage());
      return s;
    } catch (Exception e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      handlers.shutdownNow();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IOException("listen on " + config.listen() + ": " + e.getMessage(), e);
    }
  }

  /** {@code host:port}, {@code :port} (every address) or {@code [v6]:port}. */
  static InetSocketAddress address(String listen) {
    int colon = listen.lastIndexOf(':');
    if (colon < 0) {
      throw new berth.core.errors.InvalidArgument("listen address must be HOST:PORT, not " + listen);
    }
    String host = listen.substring(0, colon);
    int port;
    try {
      port = Integer.parseInt(listen.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new berth.core.errors.InvalidArgument("invalid port in listen address " + listen);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }

  private static byte[] randomSecret() {
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    return b;
  }

  public int port() {
    return ((InetSocketAddress) listener.localAddress()).getPort();
  }

  /** Blocks until the server is closed. */
  public void awaitClose() throws InterruptedException {
    listener.closeFuture().sync();
  }

  @Override
  public void close() {
    purger.interrupt();
    listener.close().awaitUninterruptibly();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    handlers.shutdownNow();
  }
}
