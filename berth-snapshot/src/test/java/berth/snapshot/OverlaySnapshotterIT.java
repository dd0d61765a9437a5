package berth.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.Internal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real overlay mounts (root only): layers applied, whiteouts honoured, every mount cleaned up. */
@Tag("integration")
class OverlaySnapshotterIT {
  @TempDir Path tmp;
  private final Mounter mounter = new Mounter();
  private final List<Path> mounted = new ArrayList<>();

  @AfterEach
  void unmountAll() {
    for (int i = mounted.size() - 1; i >= 0; i--) {
      mounter.unmount(mounted.get(i));
    }
    for (Path p : mounted) {
      assertThat(mounter.isMounted(p)).as("left mounted: " + p).isFalse();
    }
  }

  private Path mount(List<Mount> mounts, String name) throws Exception {
    Path target = Files.createDirectories(tmp.resolve("mnt-" + name));
    mounted.add(target);
    mounter.mount(mounts, target);
    assertThat(mounter.isMounted(target)).isTrue();
    return target;
  }

  private static void applyCommit(OverlaySnapshotter s, String name, String parent, byte[] tar) {
    String key = "extract-" + name;
    s.prepare(key, parent);
    new LayerApplier().apply(s.upperDir(key), new ByteArrayInputStream(tar));
    s.commit(name, key);
  }

  @Test
  void layersWhiteoutsAndOpaqueDirsThroughARealOverlay() throws Exception {
    OverlaySnapshotter s = new OverlaySnapshotter(tmp.resolve("snaps"));
    applyCommit(s, "base", null, new TarBuilder()
        .dir("etc/", 0755).file("etc/passwd", "root").file("etc/gone", "x")
        .dir("opq/", 0755).file("opq/old", "o").dir("keep/", 0755).file("keep/a", "a").build());
    applyCommit(s, "top", "base", new TarBuilder()
        .file("etc/.wh.gone", "").dir("opq/", 0755).file("opq/.wh..wh..opq", "").file("opq/new", "n")
        .file("keep/b", "b").build());

    Path rootfs = mount(s.prepare("ctr", "top"), "ctr");
    assertThat(Files.readString(rootfs.resolve("etc/passwd"))).isEqualTo("root");
    assertThat(rootfs.resolve("etc/gone")).doesNotExist();
    try (Stream<Path> opq = Files.list(rootfs.resolve("opq"))) {
      assertThat(opq.map(p -> p.getFileName().toString())).containsExactly("new");
    }
    try (Stream<Path> keep = Files.list(rootfs.resolve("keep"))) {
      assertThat(keep.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a", "b");
    }

    Files.writeString(rootfs.resolve("etc/passwd"), "root\nme");
    Files.delete(rootfs.resolve("keep/a"));
    Files.writeString(rootfs.resolve("fresh"), "f");
    assertThat(Changes.of(s.upperDir("ctr"), s.lowerDirs("ctr"))).extracting(Object::toString)
        .containsExactly("C /etc/passwd", "A /fresh", "C /keep", "D /keep/a"); // /etc only copied up: unchanged

    ByteArrayOutputStream diff = new ByteArrayOutputStream();
    new LayerWriter().write(s.upperDir("ctr"), diff);
    mounter.unmount(rootfs);
    s.commit("committed", "ctr");
    applyCommit(s, "replayed", "top", diff.toByteArray());
    Path view = mount(s.view("v", "replayed"), "view");
    assertThat(Files.readString(view.resolve("etc/passwd"))).isEqualTo("root\nme");
    assertThat(view.resolve("keep/a")).doesNotExist();
    assertThat(Files.readString(view.resolve("fresh"))).isEqualTo("f");
    assertThatThrownBy(() -> Files.writeString(view.resolve("nope"), "x")).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void bindMountsForNoParentAndSingleLayerViews() throws Exception {
    OverlaySnapshotter s = new OverlaySnapshotter(tmp.resolve("snaps"));
    Path rw = mount(s.prepare("scratch", null), "scratch");
    Files.writeString(rw.resolve("written"), "w");
    assertThat(Files.readString(s.upperDir("scratch").resolve("written"))).isEqualTo("w");
    mounter.unmount(rw);
    s.commit("one", "scratch");
    Path ro = mount(s.view("v1", "one"), "ro");
    assertThat(Files.readString(ro.resolve("written"))).isEqualTo("w");
    assertThatThrownBy(() -> Files.writeString(ro.resolve("x"), "x")).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void failedMountSaysWhatAndWhere() throws Exception {
    Path target = Files.createDirectories(tmp.resolve("t"));
    Mount bad = new Mount("overlay", "overlay", List.of("lowerdir=" + tmp.resolve("missing")));
    assertThatThrownBy(() -> mounter.mount(List.of(bad), target)).isInstanceOf(Internal.class)
        .hasMessageContaining("mount overlay at " + target);
    assertThat(mounter.isMounted(target)).isFalse();
    mounter.unmount(target);
  }
}
