package berth.engine;

import berth.image.ImageStore;
import berth.runtime.ContainerRuntime;
import berth.snapshot.Snapshotter;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;

/** What the container classes share: configuration, stores, runtime, events, a scheduler. */
record EngineContext(
    EngineConfig config,
    ContainerStore store,
    ContainerRegistry registry,
    EventBus events,
    ImageStore images,
    Snapshotter snapshotter,
    RootfsMounter mounter,
    ContainerRuntime runtime,
    ScheduledExecutorService scheduler,
    ContainerNetworking networking,
    VolumeMounts volumes) {

  /** With the volume store of the data root. */
  EngineContext(EngineConfig config, ContainerStore store, ContainerRegistry registry, EventBus events,
      ImageStore images, Snapshotter snapshotter, RootfsMounter mounter, ContainerRuntime runtime,
      ScheduledExecutorService scheduler, ContainerNetworking networking) {
    this(config, store, registry, events, images, snapshotter, mounter, runtime, scheduler, networking,
        new VolumeMounts(new berth.volume.VolumeStore(config.dataRoot()), config.containersDir()));
  }

  /** Without networking: none, host and container: modes only. */
  EngineContext(EngineConfig config, ContainerStore store, ContainerRegistry registry, EventBus events,
      ImageStore images, Snapshotter snapshotter, RootfsMounter mounter, ContainerRuntime runtime,
      ScheduledExecutorService scheduler) {
    this(config, store, registry, events, images, snapshotter, mounter, runtime, scheduler,
        new ContainerNetworking(null, events));
  }

  Path bundle(String id) {
    return config.bundlesDir().resolve(id);
  }

  Path rootfs(String id) {
    return bundle(id).resolve("rootfs");
  }

  ContainerFiles files(String id) {
    return new ContainerFiles(config.containersDir(), id);
  }
}
