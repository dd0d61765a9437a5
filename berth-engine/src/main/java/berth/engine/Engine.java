package berth.engine;

import berth.image.ImageStore;
import berth.runtime.ContainerRuntime;
import berth.snapshot.Snapshotter;
import java.nio.file.Files;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The engine: wires the state store, image store, snapshotter, mounter and runtime into the five
 * services, recovers containers on open, and on {@link #close()} leaves containers running
 * (conmon keeps them; the next open adopts them).
 *
 * <pre>{@code
 * try (Engine engine = Engine.builder(config).images(imageStore).snapshotter(snapshotter)
 *     .runtime(runtime).open()) {
 *   String id = engine.containers().create("web", cfg, hostCfg, null, null).id();
 *   engine.containers().start(id);
 * }
 * }</pre>
 */
public final class Engine implements AutoCloseable {
  private final EngineContext ctx;
  private final EngineContainerService containers;
  private final ExecManager execs;
  private final EngineImageService images;
  private final EngineSystemService system;
  private final HealthMonitor health;
  private final EngineNetworks networks;
  /** A runtime this engine made and so must close (its exit watcher); containers keep running. */
  private AutoCloseable owned;

  private Engine(EngineContext ctx) {
    this.ctx = ctx;
    ContainerStarter starter = new ContainerStarter(ctx);
    ContainerRemover remover = new ContainerRemover(ctx);
    ExitHandler exits = new ExitHandler(ctx, starter, remover);
    ContainerLifecycle lifecycle = new ContainerLifecycle(ctx, starter, remover);
    this.execs = new ExecManager(ctx);
    this.containers = new EngineContainerService(ctx, lifecycle, remover);
    this.images = new EngineImageService(ctx);
    String id = ctx.store().meta("engine-id").orElseGet(() -> {
      String fresh = UUID.randomUUID().toString();
      ctx.store().putMeta("engine-id", fresh);
      return fresh;
    });
    this.system = new EngineSystemService(ctx, id, images, containers);
    this.health = new HealthMonitor(ctx, execs);
    this.networks = new EngineNetworks(ctx);
    ctx.runtime().onExit(exits::onExit);
    new Recovery(ctx, exits, starter, remover).run();
    ctx.events().subscribeInternal(health::onEvent);
    ctx.events().subscribeInternal(e -> {
      if ("container".equals(e.type()) && "destroy".equals(e.action()) && e.actor() != null) {
        execs.forgetContainer(e.actor().id());
      }
    });
    health.startAll();
  }

  /**
   * The daemon's engine with Berth's own storage in the data root (content/, snapshots/, image/),
   * runc under conmon in the exec root and SQLite state in data-root/state.db.
   */
  public static Engine open(EngineConfig config) {
    berth.content.ContentStore content = new berth.content.LocalContentStore(config.dataRoot().resolve("content"));
    Snapshotter snapshots = new berth.snapshot.OverlaySnapshotter(config.dataRoot().resolve("snapshots"));
    ImageStore images = new berth.image.LocalImageStore(content, snapshots, config.dataRoot().resolve("image"));
    return open(config, images, snapshots);
  }

  /** The daemon's engine over the given storage: runc under conmon, SQLite state. */
  public static Engine open(EngineConfig config, ImageStore images, Snapshotter snapshotter) {
    return open(config, images, snapshotter, null);
  }

  /** As above with bridge and user networks from {@code networks} (null: none, host, container: only). */
  public static Engine open(EngineConfig config, ImageStore images, Snapshotter snapshotter,
      berth.network.NetworkService networks) {
    berth.runtime.ConmonRuntime runtime = new berth.runtime.ConmonRuntime(
        berth.runtime.ConmonRuntime.Config.defaults(config.execRoot()));
    Engine e = builder(config).images(images).snapshotter(snapshotter).runtime(runtime).networks(networks).open();
    e.owned = runtime;
    return e;
  }

  public static Builder builder(EngineConfig config) {
    return new Builder(config);
  }

  public ContainerService containers() {
    return containers;
  }

  public ExecService execs() {
    return execs;
  }

  public ImageService images() {
    return images;
  }

  public SystemService system() {
    return system;
  }

  /** Networks (list, create, remove, connect, ...); throws when the engine has no network service. */
  public EngineNetworks networks() {
    return networks;
  }

  /** The volume store; containers' references to it are kept by the engine. */
  public berth.volume.VolumeStore volumes() {
    return ctx.volumes().store();
  }

  public EventService events() {
    return ctx.events();
  }

  /** Stops the engine's own threads and closes the state store; containers keep running. */
  @Override
  public void close() {
    health.close();
    ctx.scheduler().shutdownNow();
    ctx.store().close();
    if (owned != null) {
      try {
        owned.close();
      } catch (Exception ignored) {
        // only the exit watcher thread to stop
      }
    }
  }

  /** Collects the engine's parts; defaults: SQLite store in the data root, mount(8) mounter. */
  public static final class Builder {
    private final EngineConfig config;
    private ImageStore images;
    private Snapshotter snapshotter;
    private ContainerRuntime runtime;
    private RootfsMounter mounter = new KernelMounter();
    private ContainerStore store;
    private berth.network.NetworkService networks;

    private Builder(EngineConfig config) {
      this.config = config;
    }

    public Builder images(ImageStore v) {
      images = v;
      return this;
    }

    public Builder snapshotter(Snapshotter v) {
      snapshotter = v;
      return this;
    }

    public Builder runtime(ContainerRuntime v) {
      runtime = v;
      return this;
    }

    public Builder mounter(RootfsMounter v) {
      mounter = v;
      return this;
    }

    /** Bridge and user networks; without it only none, host and container: modes are offered. */
    public Builder networks(berth.network.NetworkService v) {
      networks = v;
      return this;
    }

    public Builder store(ContainerStore v) {
      store = v;
      return this;
    }

    public Engine open() {
      try {
        Files.createDirectories(config.containersDir());
        Files.createDirectories(config.bundlesDir());
      } catch (java.io.IOException e) {
        throw new berth.core.errors.Internal("create engine directories: " + e.getMessage(), e);
      }
      ContainerStore s = store != null ? store : new SqliteContainerStore(config.stateDb());
      ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("berth-engine-timer").factory());
      EventBus bus = new EventBus();
      EngineContext ctx = new EngineContext(config, s, new ContainerRegistry(), bus,
          Objects.requireNonNull(images, "images"), Objects.requireNonNull(snapshotter, "snapshotter"), mounter,
          Objects.requireNonNull(runtime, "runtime"), scheduler, new ContainerNetworking(networks, bus));
      return new Engine(ctx);
    }
  }
}
