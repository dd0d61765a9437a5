package berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.api.model.Event;
import berth.api.model.ImageInspect;
import berth.api.model.Info;
import berth.api.model.Version;
import berth.core.Digest;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import berth.image.Image;
import berth.image.ImageConfig;
import berth.image.ImageStore;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageAndSystemServiceTest {
  @TempDir Path dir;
  EngineHarness h;
  final List<String> calls = new ArrayList<>();
  ImageConfig imported;
  Predicate<Digest> inUse;

  @BeforeEach
  void open() {
    h = new EngineHarness(dir);
    Image base = h.images.images.get(0);
    h.images.images.clear();
    h.images.images.add(new Image(base.id(), base.repoTags(), base.repoDigests(), null, "", base.created(), "",
        "amd64", "linux", base.config(), base.diffIds(), List.of(
            new Image.HistoryEntry(Instant.parse("2024-01-01T00:00:00Z"), "ADD rootfs", "", "", false),
            new Image.HistoryEntry(Instant.parse("2024-01-01T00:00:01Z"), "CMD [\"sh\"]", "", "", true)),
        base.size(), base.topSnapshot()));
  }

  @AfterEach
  void close() {
    h.close();
  }

  /** Wraps the harness's image store to see what the service asks of it. */
  private ImageService service() {
    FakeStorage.Images recording = new FakeStorage.Images(h.images.images.toArray(new Image[0])) {
      @Override
      public Image importRootfs(InputStream tar, ImageConfig config, String repoTag, String message, Instant c) {
        calls.add("import " + repoTag + " " + message);
        imported = config;
        return images.get(0);
      }

      @Override
      public void tag(Image image, String repoTag) {
        calls.add("tag " + repoTag);
      }

      @Override
      public List<ImageStore.DeleteResult> remove(String ref, boolean force, boolean noPrune, Predicate<Digest> u) {
        inUse = u;
        return List.of(new ImageStore.DeleteResult("busybox:latest", null),
            new ImageStore.DeleteResult(null, images.get(0).id().toString()));
      }
    };
    EngineContext ctx = new EngineContext(new EngineConfig(dir.resolve("d2"), dir.resolve("r2"), "runc", false),
        new InMemoryContainerStore(), new ContainerRegistry(), new EventBus(), recording, h.snapshots, h.mounter,
        h.runtime, java.util.concurrent.Executors.newSingleThreadScheduledExecutor());
    events = ctx.events();
    registry = ctx.registry();
    return new EngineImageService(ctx);
  }

  EventBus events;
  ContainerRegistry registry;

  @Test
  void inspectAndHistoryHaveDockersShape() {
    ImageService images = service();
    ImageInspect i = images.inspect("busybox");
    assertThat(i.id()).startsWith("sha256:");
    assertThat(i.repoTags()).containsExactly("busybox:latest");
    assertThat(i.rootFS().type()).isEqualTo("layers");
    assertThat(i.rootFS().layers()).hasSize(1);
    assertThat(i.config().cmd()).containsExactly("sh");
    assertThat(i.graphDriver().name()).isEqualTo("overlay2");
    var history = images.history("busybox");
    assertThat(history).hasSize(2);
    assertThat(history.get(0).id()).isEqualTo(i.id());
    assertThat(history.get(0).createdBy()).isEqualTo("CMD [\"sh\"]");
    assertThat(history.get(0).tags()).containsExactly("busybox:latest");
    assertThat(history.get(1).id()).isEqualTo("<missing>");
    assertThat(history.get(1).size()).isEqualTo(1000L);
    assertThatThrownBy(() -> images.inspect("nope")).isInstanceOf(NotFound.class).hasMessage("No such image: nope");
  }

  @Test
  void importAppliesChangesTagsAndPublishes() throws Exception {
    ImageService images = service();
    try (BlockingSource<Event> ev = events.subscribe(null, null, Map.of("type", List.of("image")))) {
      String id = images.importImage(new ByteArrayInputStream(new byte[0]), "mine", "v1",
          List.of("CMD [\"/bin/sh\"]", "ENV A=1"), "from tar", null);
      assertThat(id).startsWith("sha256:");
      assertThat(calls).containsExactly("import mine:v1 from tar");
      assertThat(imported.cmd()).containsExactly("/bin/sh");
      assertThat(imported.env()).containsExactly("A=1");
      assertThat(ev.next().action()).isEqualTo("import");
      images.tag("busybox", "other", null);
      assertThat(calls).contains("tag other:latest");
      Event tag = ev.next();
      assertThat(tag.action()).isEqualTo("tag");
      assertThat(tag.actor().attributes()).containsEntry("name", "other:latest");
      var deleted = images.remove("busybox", false, false);
      assertThat(deleted).hasSize(2);
      assertThat(ev.next().action()).isEqualTo("untag");
      assertThat(ev.next().action()).isEqualTo("delete");
    }
    assertThat(EngineImageService.repoTag("reg:5000/x", null)).isEqualTo("reg:5000/x:latest");
    assertThat(EngineImageService.repoTag("reg:5000/x:v2", null)).isEqualTo("reg:5000/x:v2");
    assertThatThrownBy(() -> images.list(false, Map.of("bogus", List.of("1")))).isInstanceOf(InvalidArgument.class);
  }

  @Test
  void listFiltersByDanglingAndReference() {
    ImageService images = service();
    assertThat(images.list(false, Map.of())).hasSize(1);
    assertThat(images.list(false, Map.of("dangling", List.of("true")))).isEmpty();
    assertThat(images.list(false, Map.of("reference", List.of("busy*")))).hasSize(1);
    assertThat(images.list(false, Map.of("reference", List.of("alpine")))).isEmpty();
    var row = images.list(false, Map.of()).get(0);
    assertThat(row.sharedSize()).isEqualTo(-1L);
    assertThat(row.containers()).isEqualTo(-1L);
  }

  @Test
  void versionAndInfoCountWhatTheEngineHas() {
    h.create("one");
    String running = h.create("two");
    h.engine.containers().start(running);
    Version v = h.engine.system().version();
    assertThat(v.apiVersion()).isEqualTo("1.47");
    assertThat(v.minAPIVersion()).isEqualTo("1.24");
    assertThat(v.os()).isEqualTo("linux");
    assertThat(v.arch()).isEqualTo("amd64");
    assertThat(v.components()).extracting(c -> c.name()).contains("Engine");
    Info i = h.engine.system().info();
    assertThat(i.containers()).isEqualTo(2);
    assertThat(i.containersRunning()).isEqualTo(1);
    assertThat(i.containersStopped()).isEqualTo(1);
    assertThat(i.images()).isEqualTo(1);
    assertThat(i.driver()).isEqualTo("overlay2");
    assertThat(i.defaultRuntime()).isEqualTo("runc");
    assertThat(i.runtimes()).containsKey("runc");
    assertThat(i.ncpu()).isPositive();
    assertThat(i.memTotal()).isPositive();
    assertThat(i.id()).isNotEmpty();
    assertThat(i.cgroupVersion()).isIn("1", "2");
    var df = h.engine.system().df(null);
    assertThat(df.containers()).hasSize(2);
    assertThat(df.images()).hasSize(1);
    assertThat(df.images().get(0).containers()).isEqualTo(2L);
    assertThat(h.engine.system().ping().apiVersion()).isEqualTo("1.47");
  }
}
