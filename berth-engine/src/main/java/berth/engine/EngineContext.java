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
    ScheduledExecutorService scheduler) {

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
