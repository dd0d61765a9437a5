package berth.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.content.LocalContentStore;
import berth.core.Digest;
import berth.core.Json;
import berth.core.errors.Conflict;
import berth.core.errors.InvalidArgument;
import berth.image.ImageStore.DeleteResult;
import berth.image.ImageStore.ImageUser;
import berth.snapshot.OverlaySnapshotter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalImageStoreTest {
  static final Instant CREATED = Instant.parse("2024-05-06T07:08:09Z");
  @TempDir Path tmp;
  LocalContentStore content;
  OverlaySnapshotter snapshots;
  LocalImageStore store;

  @BeforeEach
  void open() {
    store = open(tmp.resolve("a"));
  }

  private LocalImageStore open(Path dir) {
    content = new LocalContentStore(dir.resolve("content"));
    snapshots = new OverlaySnapshotter(dir.resolve("snapshots"));
    return new LocalImageStore(content, snapshots, dir.resolve("image"));
  }

  static byte[] rootfs(String marker) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("bin/", "");
    m.put("bin/sh", "#!" + marker);
    m.put("etc/", "");
    m.put("etc/hostname", marker);
    return Tars.of(m);
  }

  private Image importBusybox() {
    ImageConfig cfg = new ImageConfig(null, null, null, null, null, null, null, null, null, null,
        List.of("PATH=/bin"), List.of("sh"), null, null, null, null, null, null, null, null, null, null);
    return store.importRootfs(new ByteArrayInputStream(rootfs("one")), cfg, "busybox", "", CREATED);
  }

  private JsonNode config(Image i) throws Exception {
    return Json.MAPPER.readTree(Files.readAllBytes(content.path(i.id())));
  }

  @Test
  void importWritesDockerShapedConfigAndUnpacksTheLayer() throws Exception {
    Image img = importBusybox();
    byte[] raw = Files.readAllBytes(content.path(img.id()));
    assertThat(img.id()).isEqualTo(Digest.of(raw));
    JsonNode c = config(img);
    assertThat(c.path("architecture").asText()).isEqualTo("amd64");
    assertThat(c.path("os").asText()).isEqualTo("linux");
    assertThat(c.path("created").asText()).isEqualTo("2024-05-06T07:08:09Z");
    assertThat(c.path("rootfs").path("type").asText()).isEqualTo("layers");
    Digest diff = Digest.of(rootfs("one"));
    assertThat(c.path("rootfs").path("diff_ids").get(0).asText()).isEqualTo(diff.toString());
    assertThat(c.path("config").path("Cmd").get(0).asText()).isEqualTo("sh");
    assertThat(c.path("history")).hasSize(1);
    assertThat(img.repoTags()).containsExactly("busybox:latest");
    assertThat(img.diffIds()).containsExactly(diff);
    assertThat(img.topSnapshot()).isEqualTo(diff.toString());
    assertThat(store.snapshotParent(img)).isEqualTo(diff.toString());
    assertThat(img.size()).isEqualTo(3 + 5);
    assertThat(content.exists(diff)).isTrue();
    assertThat(Files.readString(snapshots.fsDir(diff.toString()).resolve("etc/hostname"))).isEqualTo("one");
  }

  @Test
  void compressedImportHasTheSameLayer() throws Exception {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(rootfs("one"));
    }
    Image img = store.importRootfs(new ByteArrayInputStream(gz.toByteArray()), ImageConfig.empty(), null, "m", CREATED);
    assertThat(img.diffIds()).containsExactly(Digest.of(rootfs("one")));
    assertThat(img.repoTags()).isEmpty();
    assertThat(img.comment()).isEqualTo("m");
  }

  @Test
  void resolvesNamesIdsAndPrefixes() {
    Image img = importBusybox();
    String hex = img.id().hex();
    for (String ref : List.of("busybox", "busybox:latest", "docker.io/library/busybox:latest",
        "library/busybox", hex, "sha256:" + hex, hex.substring(0, 12), "sha256:" + hex.substring(0, 5))) {
      assertThat(store.resolve(ref)).as(ref).map(Image::id).contains(img.id());
    }
    assertThat(store.resolve("busybox:other")).isEmpty();
    assertThat(store.resolve("nope")).isEmpty();
    assertThatThrownBy(() -> store.resolve("Busybox")).isInstanceOf(InvalidArgument.class)
        .hasMessage("invalid reference format: repository name (library/Busybox) must be lowercase");
  }

  @Test
  void commitAddsALayerWithChainIdAndHistory() throws Exception {
    Image base = importBusybox();
    Path upper = Files.createDirectories(tmp.resolve("upper/etc"));
    Files.writeString(upper.resolve("new"), "added");
    Image child = store.commit(tmp.resolve("upper"), base, base.config(), "me", "msg", "sh -c touch", "mine:v1");
    assertThat(child.diffIds()).hasSize(2);
    Digest chain = Digest.of((base.diffIds().get(0) + " " + child.diffIds().get(1)).getBytes(StandardCharsets.UTF_8));
    assertThat(child.topSnapshot()).isEqualTo(chain.toString());
    assertThat(Files.readString(snapshots.fsDir(chain.toString()).resolve("etc/new"))).isEqualTo("added");
    assertThat(snapshots.stat(chain.toString()).orElseThrow().parent()).isEqualTo(base.topSnapshot());
    assertThat(child.parent()).isEqualTo(base.id().toString());
    assertThat(child.author()).isEqualTo("me");
    assertThat(child.history()).hasSize(2);
    assertThat(child.history().get(1).createdBy()).isEqualTo("sh -c touch");
    assertThat(child.repoTags()).containsExactly("mine:v1");
    assertThat(config(child).path("comment").asText()).isEqualTo("msg");
  }

  @Test
  void untagOneOfManyNames() {
    Image img = importBusybox();
    store.tag(img, "other:1");
    assertThat(store.remove("other:1", false, false, d -> false))
        .containsExactly(new DeleteResult("other:1", null));
    assertThat(store.resolve("busybox")).isPresent();
  }

  @Test
  void deleteByIdWithNamesInSeveralRepositoriesMustBeForced() {
    Image img = importBusybox();
    store.tag(img, "other:1");
    String shortId = img.id().shortHex();
    assertThatThrownBy(() -> store.remove(img.id().hex(), false, false, d -> false))
        .isInstanceOf(Conflict.class)
        .hasMessage("conflict: unable to delete " + shortId + " (must be forced) - image is referenced in multiple repositories");
    List<DeleteResult> r = store.remove(img.id().hex(), true, false, d -> false);
    assertThat(r).containsExactly(new DeleteResult("busybox:latest", null),
        new DeleteResult("other:1", null), new DeleteResult(null, img.id().toString()),
        new DeleteResult(null, img.topSnapshot()));
    assertThat(store.list()).isEmpty();
    assertThat(content.list()).isEmpty();
    assertThat(snapshots.list()).isEmpty();
  }

  @Test
  void lastNameInUseNeedsForceWithDockersMessage() {
    Image img = importBusybox();
    String ctr = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    assertThatThrownBy(() -> store.untagOrDelete("busybox", false, false,
        d -> Optional.of(new ImageUser(ctr, false))))
        .isInstanceOf(Conflict.class)
        .hasMessage("conflict: unable to remove repository reference \"busybox\" (must force) - container 0123456789ab"
            + " is using its referenced image " + img.id().shortHex());
    // forced while a running container uses it: Docker untags and quietly keeps the image
    List<DeleteResult> forced = store.untagOrDelete("busybox", true, false, d -> Optional.of(new ImageUser(ctr, true)));
    assertThat(forced).containsExactly(new DeleteResult("busybox:latest", null));
    assertThat(store.resolve(img.id().hex())).isPresent();
    // forced with only a stopped container: the image goes too (the container keeps its layers)
    store.tag(img, "busybox");
    List<DeleteResult> gone = store.untagOrDelete("busybox", true, false, d -> Optional.of(new ImageUser(ctr, false)));
    assertThat(gone).startsWith(new DeleteResult("busybox:latest", null), new DeleteResult(null, img.id().toString()));
  }

  @Test
  void runningContainerCannotBeForced() {
    Image img = importBusybox();
    String ctr = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";
    assertThatThrownBy(() -> store.untagOrDelete(img.id().hex(), true, false, d -> Optional.of(new ImageUser(ctr, true))))
        .isInstanceOf(Conflict.class)
        .hasMessage("conflict: unable to delete " + img.id().shortHex()
            + " (cannot be forced) - image is being used by running container fedcba987654");
  }

  @Test
  void parentWithChildCannotBeDeleted() throws Exception {
    Image base = importBusybox();
    Files.createDirectories(tmp.resolve("u"));
    store.commit(tmp.resolve("u"), base, base.config(), null, null, null, "child:1");
    assertThatThrownBy(() -> store.remove(base.id().hex(), true, false, d -> false))
        .isInstanceOf(Conflict.class)
        .hasMessage("conflict: unable to delete " + base.id().shortHex()
            + " (cannot be forced) - image has dependent child images");
    List<DeleteResult> r = store.remove("child:1", false, false, d -> false);
    assertThat(r.getFirst()).isEqualTo(new DeleteResult("child:1", null));
    assertThat(r).extracting(DeleteResult::deleted).doesNotContain(base.id().toString());
    assertThat(store.resolve("busybox")).isPresent();
  }

  @Test
  void missingImagesAreNamedLikeDocker() {
    assertThatThrownBy(() -> store.remove("nope", false, false, d -> false))
        .isInstanceOf(berth.core.errors.NotFound.class).hasMessage("No such image: nope:latest");
    assertThatThrownBy(() -> store.remove("abc123", false, false, d -> false))
        .isInstanceOf(berth.core.errors.NotFound.class).hasMessage("No such image: abc123");
    assertThatThrownBy(() -> store.save(List.of("gone:1"), new ByteArrayOutputStream()))
        .isInstanceOf(berth.core.errors.NotFound.class).hasMessage("No such image: gone:1");
  }

  @Test
  void tagMovesAndPruneRemovesDangling() {
    Image one = importBusybox();
    Image two = store.importRootfs(new ByteArrayInputStream(rootfs("two")), ImageConfig.empty(), "busybox", "", CREATED);
    assertThat(store.resolve("busybox").orElseThrow().id()).isEqualTo(two.id());
    assertThat(store.resolve(one.id().hex()).orElseThrow().repoTags()).isEmpty();
    ImageStore.PruneResult p = store.prune(false, d -> false);
    assertThat(p.deleted()).extracting(DeleteResult::deleted).containsExactly(one.id().toString(), one.topSnapshot());
    assertThat(p.spaceReclaimed()).isEqualTo(8);
    assertThat(store.list()).extracting(Image::id).containsExactly(two.id());
    assertThat(store.prune(false, d -> false).deleted()).isEmpty();
    assertThat(store.prune(true, d -> false).deleted()).extracting(DeleteResult::untagged).contains("busybox:latest");
    assertThat(store.list()).isEmpty();
  }

  @Test
  void stateSurvivesReopen() {
    Image img = importBusybox();
    snapshots.prepare("extract-crashed", img.topSnapshot());
    LocalImageStore again = new LocalImageStore(content, snapshots, tmp.resolve("a/image"));
    assertThat(again.resolve("busybox").orElseThrow().id()).isEqualTo(img.id());
    assertThat(again.list()).hasSize(1);
    assertThat(snapshots.stat("extract-crashed")).isEmpty();
  }
}
