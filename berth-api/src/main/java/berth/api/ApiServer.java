package berth.api;

import berth.api.http.Dispatcher;
import berth.api.http.Router;
import berth.api.routes.ContainerRoutes;
import berth.api.routes.ExecRoutes;
import berth.api.routes.ImageRoutes;
import berth.api.routes.NotOfferedRoutes;
import berth.api.routes.SystemRoutes;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * The Engine API on Unix sockets: one small epoll event loop for I/O, every request's handler
 * on its own virtual thread.
 *
 * <pre>{@code
 * ApiServer server = ApiServer.start(services, List.of(Path.of("/run/berth/berth.sock")), false);
 * ...
 * server.close();   // stops listening; open connections are closed
 * }</pre>
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());
  /** Docker's limits: a request line or header block larger than this is refused. */
  private static final int MAX_INITIAL_LINE = 64 * 1024;
  private static final int MAX_HEADERS = 1024 * 1024;

  private final EventLoopGroup group;
  private final ExecutorService handlers;
  private final List<Channel> listeners = new ArrayList<>();
  private final List<Path> sockets = new ArrayList<>();

  private ApiServer(EventLoopGroup group, ExecutorService handlers) {
    this.group = group;
    this.handlers = handlers;
  }

  /** The router with every resource's routes. */
  public static Router router(Services s) {
    Router r = new Router();
    new SystemRoutes(s.system(), s.events()).register(r);
    new ContainerRoutes(s.containers()).register(r);
    new ExecRoutes(s.execs()).register(r);
    new ImageRoutes(s.images()).register(r);
    s.more().forEach(m -> m.accept(r));
    new NotOfferedRoutes().register(r);
    return r;
  }

  /** Headers on every response, as Docker sends them. */
  public static HttpHeaders commonHeaders(String serverVersion) {
    HttpHeaders h = new DefaultHttpHeaders();
    h.set("Api-Version", "1.47");
    h.set("Docker-Experimental", "false");
    h.set("Ostype", "linux");
    h.set("Server", "Docker/" + serverVersion + " (linux)");
    return h;
  }

  public static ApiServer start(Services services, List<Path> socketPaths, boolean debug) throws IOException {
    Router router = router(services);
    HttpHeaders common = commonHeaders(services.system().version().version());
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    ExecutorService handlers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("api-", 0).factory());
    ApiServer server = new ApiServer(group, handlers);
    try {
      for (Path p : socketPaths) {
        server.listen(p, router, common, debug);
      }
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void listen(Path path, Router router, HttpHeaders common, boolean debug) throws IOException {
    Files.createDirectories(path.toAbsolutePath().getParent());
    Files.deleteIfExists(path);
    ServerBootstrap b = new ServerBootstrap().group(group).channel(EpollServerDomainSocketChannel.class)
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast(new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADERS, 64 * 1024));
            ch.pipeline().addLast(new HttpServerExpectContinueHandler());
            ch.pipeline().addLast(new Dispatcher(router, common, handlers, debug));
          }
        });
    Channel ch;
    try {
      ch = b.bind(new DomainSocketAddress(path.toFile())).sync().channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while binding " + path, e);
    } catch (Exception e) {
      throw new IOException("listen on unix://" + path + ": " + e.getMessage(), e);
    }
    listeners.add(ch);
    sockets.add(path);
    restrict(path);
    LOG.info("API listening on unix://" + path);
  }

  /** Mode 0660, group "berth" when that group exists, as Docker does with group "docker". */
  private static void restrict(Path path) throws IOException {
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw----"));
    try {
      GroupPrincipal g = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("berth");
      Files.getFileAttributeView(path, PosixFileAttributeView.class).setGroup(g);
    } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
      // no berth group: root only, like Docker without a docker group
    }
  }

  /** Stops listening and closes connections; handlers still running are interrupted. */
  @Override
  public void close() {
    for (Channel ch : listeners) {
      ch.close().awaitUninterruptibly();
    }
    for (Path p : sockets) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // best effort: the next start replaces it anyway
      }
    }
    group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).awaitUninterruptibly();
    handlers.shutdownNow();
  }
}
