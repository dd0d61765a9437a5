package berth.daemon;

import berth.api.ApiServer;
import berth.api.Services;
import berth.content.LocalContentStore;
import berth.engine.Engine;
import berth.engine.EngineConfig;
import berth.image.LocalImageStore;
import berth.snapshot.OverlaySnapshotter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * A running berthd: the data-root lock, the storage and engine, the API server and the pid
 * file. {@link #close()} undoes them in reverse order; containers keep running under conmon.
 */
final class Daemon implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Daemon.class.getName());

  private final DaemonConfig config;
  private DataRootLock lock;
  private Engine engine;
  private ApiServer server;
  private berth.network.NetworkService network;
  private boolean closed;

  private Daemon(DaemonConfig config) {
    this.config = config;
  }

  static Daemon start(DaemonConfig config) throws IOException {
    Daemon d = new Daemon(config);
    try {
      d.open();
    } catch (IOException | RuntimeException e) {
      d.close();
      throw e;
    }
    return d;
  }

  private void open() throws IOException {
    long t0 = System.nanoTime();
    lock = DataRootLock.acquire(config.dataRoot());
    Files.createDirectories(config.execRoot());
    Path data = config.dataRoot();
    LocalContentStore content = new LocalContentStore(data.resolve("content"));
    OverlaySnapshotter snapshots = new OverlaySnapshotter(data.resolve("snapshots"));
    LocalImageStore images = new LocalImageStore(content, snapshots, data.resolve("image"));
    network = new berth.network.NetworkService(config.network() == null
        ? berth.network.NetworkConfig.defaults(data, config.execRoot()) : config.network().toConfig(data, config.execRoot()));
    engine = Engine.open(new EngineConfig(data, config.execRoot(), config.runtime(), config.debug()), images, snapshots,
        network);
    server = ApiServer.start(new Services(engine.containers(), engine.execs(), engine.images(), engine.system(),
        engine.events(), java.util.List.of(new berth.api.routes.NetworkRoutes(engine.networks())::register,
            new berth.api.routes.VolumeRoutes(engine.volumes())::register,
            new berth.api.routes.BuildRoutes(new berth.build.Builder(engine.containers(), engine.images(), images,
                snapshots, content, data))::register)),
        config.socketPaths(), config.debug());
    writePidfile();
    LOG.info(String.format("berthd started: data root %s, exec root %s, runtime %s (%d ms)", data,
        config.execRoot(), config.runtime(), (System.nanoTime() - t0) / 1_000_000));
  }

  private void writePidfile() throws IOException {
    Path pid = config.pidfile();
    Files.createDirectories(pid.toAbsolutePath().getParent());
    berth.core.io.AtomicFiles.write(pid, (ProcessHandle.current().pid() + "\n").getBytes());
  }

  /** Stops listening, closes the engine, drops the pid file and the lock. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (server != null) {
      server.close();
    }
    if (engine != null) {
      engine.close();
    }
    if (network != null) {
      network.close();
    }
    if (server != null) {
      try {
        Files.deleteIfExists(config.pidfile());
      } catch (IOException e) {
        LOG.warning("remove pid file " + config.pidfile() + ": " + e.getMessage());
      }
    }
    if (lock != null) {
      try {
        lock.close();
      } catch (IOException e) {
        LOG.warning("release data root lock: " + e.getMessage());
      }
    }
  }
}
