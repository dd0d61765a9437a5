package berth.engine;

import berth.api.model.ContainerConfig;
import berth.api.model.HostConfig;
import berth.api.model.RestartPolicy;
import berth.image.ImageConfig;
import java.nio.file.Path;
import java.util.List;

/** An engine over fakes, in a temp dir. */
final class EngineHarness implements AutoCloseable {
  final Path dir;
  final FakeRuntime runtime;
  final FakeStorage.Images images;
  final FakeStorage.Snapshots snapshots;
  final FakeStorage.Mounter mounter;
  final ContainerStore store;
  final Engine engine;

  EngineHarness(Path dir) {
    this(dir, new FakeRuntime(), null);
  }

  EngineHarness(Path dir, FakeRuntime runtime, ContainerStore store) {
    this.dir = dir;
    this.runtime = runtime;
    ImageConfig cfg = new ImageConfig(null, null, null, null, null, null, null, null, null, null,
        List.of("PATH=/bin", "FROM_IMAGE=1"), List.of("sh"), null, null, null, null, "/work", null, null,
        java.util.Map.of("img", "yes"), null, null);
    this.images = new FakeStorage.Images(FakeStorage.busybox(cfg));
    this.snapshots = new FakeStorage.Snapshots(dir.resolve("snap"));
    this.mounter = new FakeStorage.Mounter();
    this.store = store == null ? new SqliteContainerStore(dir.resolve("data/state.db")) : store;
    this.engine = Engine.builder(new EngineConfig(dir.resolve("data"), dir.resolve("run"), "runc", false))
        .images(images).snapshotter(snapshots).mounter(mounter).runtime(runtime).store(this.store).open();
  }

  static ContainerConfig config(String... cmd) {
    return ContainerConfig.builder().image("busybox").cmd(cmd.length == 0 ? null : List.of(cmd)).build();
  }

  static HostConfig host() {
    return HostConfig.builder().networkMode("none").build();
  }

  static HostConfig host(String restart, int max) {
    return HostConfig.builder().networkMode("none").restartPolicy(new RestartPolicy(restart, max)).build();
  }

  String create(String name, String... cmd) {
    return engine.containers().create(name, config(cmd), host(), null, null).id();
  }

  @Override
  public void close() {
    engine.close();
  }
}
