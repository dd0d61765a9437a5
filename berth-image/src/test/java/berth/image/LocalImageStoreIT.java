package berth.image;

import static org.assertj.core.api.Assertions.assertThat;

import berth.content.LocalContentStore;
import berth.core.Digest;
import berth.snapshot.Changes;
import berth.snapshot.Mounter;
import berth.snapshot.OverlaySnapshotter;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's path through storage on real mounts: import, run-like changes, commit, remove. */
@Tag("integration")
class LocalImageStoreIT {
  @TempDir Path tmp;

  @Test
  void importMountCommitRemove() throws Exception {
    LocalContentStore content = new LocalContentStore(tmp.resolve("content"));
    OverlaySnapshotter snapshots = new OverlaySnapshotter(tmp.resolve("snapshots"));
    LocalImageStore store = new LocalImageStore(content, snapshots, tmp.resolve("image"));
    Mounter mounter = new Mounter();
    Image busybox = store.importRootfs(new ByteArrayInputStream(LocalImageStoreTest.rootfs("bb")),
        ImageConfig.empty(), "busybox:latest", "", Instant.now());

    String ctr = "c0ffee";
    Path rootfs = Files.createDirectories(tmp.resolve("rootfs"));
    mounter.mount(snapshots.prepare(ctr, store.snapshotParent(busybox)), rootfs);
    try {
      assertThat(Files.readString(rootfs.resolve("etc/hostname"))).isEqualTo("bb");
      Files.writeString(rootfs.resolve("etc/hostname"), "changed");
      Files.delete(rootfs.resolve("bin/sh"));
    } finally {
      mounter.unmount(rootfs);
    }
    assertThat(mounter.isMounted(rootfs)).isFalse();
    assertThat(Changes.of(snapshots.upperDir(ctr), snapshots.lowerDirs(ctr))).extracting(Object::toString)
        .containsExactly("C /bin", "D /bin/sh", "C /etc/hostname");

    Image committed = store.commit(snapshots.upperDir(ctr), busybox, busybox.config(), "", "", "", "snap:1");
    snapshots.remove(ctr);
    Path view = Files.createDirectories(tmp.resolve("view"));
    mounter.mount(snapshots.view("v", store.snapshotParent(committed)), view);
    try {
      assertThat(Files.readString(view.resolve("etc/hostname"))).isEqualTo("changed");
      assertThat(view.resolve("bin/sh")).doesNotExist();
    } finally {
      mounter.unmount(view);
      snapshots.remove("v");
    }

    List<ImageStore.DeleteResult> r = store.remove("snap:1", false, false, d -> false);
    assertThat(r).extracting(ImageStore.DeleteResult::deleted).contains(committed.id().toString());
    store.remove("busybox", false, false, d -> false);
    assertThat(snapshots.list()).isEmpty();
    assertThat(content.list().map(Digest::toString)).isEmpty();
  }
}
