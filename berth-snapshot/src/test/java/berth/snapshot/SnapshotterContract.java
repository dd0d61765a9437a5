package berth.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.BerthException;
import berth.core.errors.Conflict;
import berth.core.errors.NotFound;
import berth.snapshot.Snapshotter.Kind;
import berth.snapshot.Snapshotter.SnapshotInfo;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** What every Snapshotter must do; implementations extend this and supply a fresh one. */
abstract class SnapshotterContract {
  protected abstract Snapshotter newSnapshotter() throws Exception;

  @Test
  void prepareCommitStatLifecycle() throws Exception {
    Snapshotter s = newSnapshotter();
    assertThat(s.prepare("k", null)).isNotEmpty();
    assertThat(s.stat("k")).contains(new SnapshotInfo("k", null, Kind.ACTIVE));
    Files.writeString(s.upperDir("k").resolve("f"), "12345");
    s.commit("layer", "k");
    assertThat(s.stat("k")).isEmpty();
    assertThat(s.stat("layer")).contains(new SnapshotInfo("layer", null, Kind.COMMITTED));
    assertThat(s.usage("layer").size()).isEqualTo(5);
    s.prepare("child", "layer");
    assertThat(s.stat("child")).contains(new SnapshotInfo("child", "layer", Kind.ACTIVE));
    assertThat(s.upperDir("child")).isEmptyDirectory();
    assertThat(s.list()).extracting(SnapshotInfo::name).containsExactlyInAnyOrder("layer", "child");
  }

  @Test
  void viewsAreViews() throws Exception {
    Snapshotter s = newSnapshotter();
    s.prepare("k", null);
    s.commit("layer", "k");
    assertThat(s.view("v", "layer")).isNotEmpty();
    assertThat(s.stat("v").orElseThrow().kind()).isEqualTo(Kind.VIEW);
    assertThat(s.mounts("v")).isEqualTo(s.mounts("v"));
    assertThatThrownBy(() -> s.commit("x", "v")).isInstanceOf(BerthException.class);
  }

  @Test
  void duplicatesMissingParentsAndChildrenAreRefused() throws Exception {
    Snapshotter s = newSnapshotter();
    s.prepare("k", null);
    assertThatThrownBy(() -> s.prepare("k", null)).isInstanceOf(Conflict.class);
    assertThatThrownBy(() -> s.prepare("k2", "missing")).isInstanceOf(NotFound.class);
    s.commit("layer", "k");
    s.prepare("k3", null);
    assertThatThrownBy(() -> s.commit("layer", "k3")).isInstanceOf(Conflict.class);
    s.prepare("on-top", "layer");
    assertThatThrownBy(() -> s.remove("layer")).isInstanceOf(Conflict.class);
    s.remove("on-top");
    s.remove("layer");
    s.remove("layer");
    assertThat(s.stat("layer")).isEmpty();
    assertThatThrownBy(() -> s.mounts("layer")).isInstanceOf(NotFound.class);
  }
}
