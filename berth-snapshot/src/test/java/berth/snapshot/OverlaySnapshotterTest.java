package berth.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.Conflict;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import berth.snapshot.Snapshotter.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverlaySnapshotterTest {
  @TempDir Path tmp;

  @Test
  void preparesBindWithoutParentAndOverlayWithParents() {
    OverlaySnapshotter s = new OverlaySnapshotter(tmp);
    List<Mount> first = s.prepare("k1", null);
    assertThat(first).containsExactly(new Mount("bind", tmp.resolve("1/fs").toString(), List.of("rbind", "rw")));
    assertThat(s.upperDir("k1")).isEqualTo(tmp.resolve("1/fs")).isDirectory();
    s.commit("layer1", "k1");
    s.prepare("k2", "layer1");
    s.commit("layer2", "k2");
    List<Mount> c = s.prepare("ctr", "layer2");
    assertThat(c).containsExactly(new Mount("overlay", "overlay", List.of(
        "lowerdir=" + tmp.resolve("2/fs") + ":" + tmp.resolve("1/fs"),
        "upperdir=" + tmp.resolve("3/fs"), "workdir=" + tmp.resolve("3/work"))));
    assertThat(s.mounts("ctr")).isEqualTo(c);
    assertThat(s.lowerDirs("ctr")).containsExactly(tmp.resolve("2/fs"), tmp.resolve("1/fs"));
    assertThat(s.stat("ctr")).contains(new Snapshotter.SnapshotInfo("ctr", "layer2", Kind.ACTIVE));
    assertThat(s.stat("layer1")).contains(new Snapshotter.SnapshotInfo("layer1", null, Kind.COMMITTED));
  }

  @Test
  void viewsAreReadOnly() {
    OverlaySnapshotter s = new OverlaySnapshotter(tmp);
    s.prepare("k1", null);
    s.commit("l1", "k1");
    assertThat(s.view("v1", "l1")).containsExactly(
        new Mount("bind", tmp.resolve("1/fs").toString(), List.of("rbind", "ro")));
    s.prepare("k2", "l1");
    s.commit("l2", "k2");
    assertThat(s.view("v2", "l2")).containsExactly(new Mount("overlay", "overlay",
        List.of("lowerdir=" + tmp.resolve("3/fs") + ":" + tmp.resolve("1/fs"))));
    assertThat(s.stat("v2").orElseThrow().kind()).isEqualTo(Kind.VIEW);
    assertThatThrownBy(() -> s.commit("x", "v2")).isInstanceOf(InvalidArgument.class);
  }

  @Test
  void conflictsAndMissingParents() {
    OverlaySnapshotter s = new OverlaySnapshotter(tmp);
    s.prepare("k", null);
    assertThatThrownBy(() -> s.prepare("k", null)).isInstanceOf(Conflict.class).hasMessage("snapshot k: already exists");
    assertThatThrownBy(() -> s.prepare("k2", "nope")).isInstanceOf(NotFound.class)
        .hasMessage("parent snapshot nope: not found");
    assertThatThrownBy(() -> s.prepare("k3", "k")).isInstanceOf(InvalidArgument.class);
    assertThatThrownBy(() -> s.mounts("nope")).isInstanceOf(NotFound.class);
    s.commit("l", "k");
    s.prepare("child", "l");
    assertThatThrownBy(() -> s.remove("l")).isInstanceOf(Conflict.class).hasMessageContaining("child");
    s.remove("child");
    s.remove("l");
    s.remove("never-existed");
    assertThat(s.list()).isEmpty();
    assertThat(tmp.resolve("1")).doesNotExist();
  }

  @Test
  void stateSurvivesRestartAndOrphansAreRemoved() throws Exception {
    OverlaySnapshotter s = new OverlaySnapshotter(tmp);
    s.prepare("k", null);
    Files.writeString(s.upperDir("k").resolve("f"), "data");
    s.commit("l", "k");
    Files.createDirectories(tmp.resolve("99/fs"));
    OverlaySnapshotter again = new OverlaySnapshotter(tmp);
    assertThat(again.stat("l")).isPresent();
    assertThat(tmp.resolve("99")).doesNotExist();
    assertThat(again.prepare("k2", "l")).hasSize(1);
    assertThat(again.fsDir("k2")).isEqualTo(tmp.resolve("2/fs"));
    assertThat(again.usage("l")).isEqualTo(new Snapshotter.Usage(4, 2));
  }

  @Test
  void tooManyLayersIsAClearError() {
    OverlaySnapshotter s = new OverlaySnapshotter(tmp.resolve("a".repeat(100)));
    String parent = null;
    int i = 0;
    try {
      for (; i < 200; i++) {
        s.prepare("k" + i, parent);
        s.commit("l" + i, "k" + i);
        parent = "l" + i;
      }
    } catch (InvalidArgument e) {
      assertThat(e).hasMessageContaining("too many layers");
    }
    assertThat(i).isBetween(10, 199);
    assertThat(s.stat("k" + i)).isEmpty();
  }
}
