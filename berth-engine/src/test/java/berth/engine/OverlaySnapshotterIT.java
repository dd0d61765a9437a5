package berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import berth.api.model.ContainerConfig;
import berth.api.model.FilesystemChange;
import berth.api.model.HostConfig;
import berth.image.Image;
import berth.image.ImageConfig;
import berth.runtime.ConmonRuntime;
import berth.snapshot.OverlaySnapshotter;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The engine over the storage module's overlay snapshotter: a committed busybox layer as the image. */
@Tag("integration")
class OverlaySnapshotterIT {
  Path dir;
  Engine engine;
  ConmonRuntime runtime;

  @AfterEach
  void close() {
    try {
      if (engine != null) {
        for (var c : engine.containers().list(true, 0, false, Map.of())) {
          engine.containers().remove(c.id(), true, false, false);
        }
        engine.close();
      }
      if (runtime != null) {
        runtime.close();
      }
    } finally {
      EngineIT.unmountAll(dir);
      FileTrees.deleteQuietly(dir);
    }
  }

  @Test
  void containersRunOnOverlaySnapshotsAndReportTheirChanges() throws Exception {
    dir = Files.createTempDirectory(Path.of("/tmp"), "berth-c-");
    OverlaySnapshotter snapshots = new OverlaySnapshotter(dir.resolve("data/snapshots"));
    snapshots.prepare("import", null);
    RealEngine.buildRootfs(snapshots.upperDir("import"));
    snapshots.commit("busybox-layer", "import");
    Image base = FakeStorage.busybox(ImageConfig.empty());
    Image busybox = new Image(base.id(), base.repoTags(), List.of(), null, "", base.created(), "", "amd64", "linux",
        base.config(), base.diffIds(), List.of(), 1000, "busybox-layer");
    runtime = new ConmonRuntime(ConmonRuntime.Config.defaults(dir.resolve("run")));
    engine = Engine.builder(new EngineConfig(dir.resolve("data"), dir.resolve("run"), "runc", false))
        .images(new FakeStorage.Images(busybox)).snapshotter(snapshots).runtime(runtime).open();
    ContainerService cs = engine.containers();
    String id = cs.create(null, ContainerConfig.builder().image("busybox")
        .cmd(List.of("sh", "-c", "echo data > /root/new; rm /etc/group; cat /etc/passwd | head -1")).build(),
        HostConfig.builder().networkMode("none").build(), null, null).id();
    var exit = cs.wait(id, "next-exit").toCompletableFuture();
    cs.start(id);
    assertThat(exit.get(30, TimeUnit.SECONDS).statusCode()).isZero();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FrameSource logs = cs.logs(id, new LogOptions(true, true, null, null, false, false, -1))) {
      for (Frame f; (f = logs.next()) != null; ) {
        out.write(f.data());
      }
    }
    assertThat(out.toString()).isEqualTo("root:x:0:0:root:/root:/bin/sh\n");
    List<FilesystemChange> changes = cs.changes(id);
    assertThat(changes).contains(new FilesystemChange("/root", 0), new FilesystemChange("/root/new", 1),
        new FilesystemChange("/etc/group", 2));
    var inspect = cs.inspect(id, false);
    assertThat(inspect.graphDriver().data()).containsKeys("LowerDir", "UpperDir", "WorkDir", "MergedDir");
    cs.remove(id, false, false, false);
    assertThat(snapshots.stat(id)).isEmpty();
    assertThat(snapshots.stat("busybox-layer")).isPresent();
  }
}
