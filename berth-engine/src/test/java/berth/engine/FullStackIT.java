package berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.api.model.ContainerConfig;
import berth.api.model.Event;
import berth.api.model.HostConfig;
import berth.core.errors.Conflict;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Engine.open(config) with Berth's own storage: a busybox rootfs tar (built here from
 * /usr/bin/busybox) imported as busybox:latest, run, committed, tagged, saved, loaded, removed.
 */
@Tag("integration")
class FullStackIT {
  Path dir;
  Engine engine;

  @BeforeEach
  void open() throws Exception {
    dir = Files.createTempDirectory(Path.of("/tmp"), "berth-c-");
    engine = Engine.open(new EngineConfig(dir.resolve("data"), dir.resolve("run"), "runc", false));
  }

  @AfterEach
  void close() {
    try {
      if (engine != null) {
        for (var c : engine.containers().list(true, 0, false, Map.of())) {
          engine.containers().remove(c.id(), true, false, false);
        }
        engine.close();
      }
    } finally {
      EngineIT.unmountAll(dir);
      FileTrees.deleteQuietly(dir);
    }
  }

  static byte[] busyboxTar(Path scratch) throws Exception {
    Path rootfs = scratch.resolve("rootfs");
    RealEngine.buildRootfs(rootfs);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = TarStreams.open(out)) {
      try (var children = Files.list(rootfs)) {
        for (Path p : children.sorted().toList()) {
          TarStreams.write(tar, p, p.getFileName().toString());
        }
      }
    }
    FileTrees.deleteQuietly(rootfs);
    return out.toByteArray();
  }

  String runToExit(String name, String... cmd) throws Exception {
    String id = engine.containers().create(name, ContainerConfig.builder().image("busybox").cmd(List.of(cmd)).build(),
        HostConfig.builder().networkMode("none").build(), null, null).id();
    var exit = engine.containers().wait(id, "next-exit").toCompletableFuture();
    engine.containers().start(id);
    assertThat(exit.get(30, TimeUnit.SECONDS).statusCode()).isZero();
    return id;
  }

  String logs(String id) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (FrameSource f = engine.containers().logs(id, new LogOptions(true, true, null, null, false, false, -1))) {
      for (Frame x; (x = f.next()) != null; ) {
        out.write(x.data());
      }
    }
    return out.toString();
  }

  @Test
  void importRunCommitSaveLoadAndRemove() throws Exception {
    Instant since = Instant.now().minusSeconds(1);
    ImageService images = engine.images();
    String imageId = images.importImage(new ByteArrayInputStream(busyboxTar(dir)), "busybox", "latest",
        List.of("CMD [\"sh\"]"), "imported", null);
    assertThat(images.inspect("busybox").id()).isEqualTo(imageId);
    assertThat(images.inspect("busybox").config().cmd()).containsExactly("sh");

    String id = runToExit("writer", "sh", "-c", "echo committed > /data.txt; echo ran");
    assertThat(logs(id)).isEqualTo("ran\n");
    String committed = images.commit("writer", "mine", "v1", "a comment", "me", true, List.of("ENV X=1"), null).id();
    assertThat(images.inspect("mine:v1").id()).isEqualTo(committed);
    assertThat(images.inspect("mine:v1").config().env()).contains("X=1");
    assertThat(images.history("mine:v1")).hasSizeGreaterThanOrEqualTo(2);

    String reader = runToExitOn("mine:v1", "reader", "cat", "/data.txt");
    assertThat(logs(reader)).isEqualTo("committed\n");

    // an image used by a container cannot be removed without force
    assertThatThrownBy(() -> images.remove("mine:v1", false, false)).isInstanceOf(Conflict.class);
    images.tag("mine:v1", "mine", "v2");
    assertThat(images.inspect("mine:v2").id()).isEqualTo(committed);

    ByteArrayOutputStream saved = new ByteArrayOutputStream();
    images.save(List.of("mine:v1"), saved);
    engine.containers().remove(reader, false, false, false);
    images.remove("mine:v2", false, false);
    var deleted = images.remove("mine:v1", false, false);
    assertThat(deleted).anySatisfy(d -> assertThat(d.deleted()).isEqualTo(committed));
    assertThat(images.load(new ByteArrayInputStream(saved.toByteArray()), false)).contains("Loaded image: mine:v1");
    assertThat(images.inspect("mine:v1").id()).isEqualTo(committed);

    List<String> actions = new ArrayList<>();
    try (BlockingSource<Event> ev = engine.events().subscribe(since, Instant.now(), Map.of("type", List.of("image")))) {
      for (Event e; (e = ev.next()) != null; ) {
        actions.add(e.action());
      }
    }
    assertThat(actions).contains("import", "tag", "save", "untag", "delete", "load");
    assertThat(engine.system().info().images()).isEqualTo(2);
  }

  private String runToExitOn(String image, String name, String... cmd) throws Exception {
    String id = engine.containers().create(name, ContainerConfig.builder().image(image).cmd(List.of(cmd)).build(),
        HostConfig.builder().networkMode("none").build(), null, null).id();
    var exit = engine.containers().wait(id, "next-exit").toCompletableFuture();
    engine.containers().start(id);
    assertThat(exit.get(30, TimeUnit.SECONDS).statusCode()).isZero();
    return id;
  }
}
