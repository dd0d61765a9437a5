package berth.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.content.LocalContentStore;
import berth.core.Digest;
import berth.core.Json;
import berth.core.errors.InvalidArgument;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageArchiveTest {
  @TempDir Path tmp;

  private record Env(LocalContentStore content, OverlaySnapshotter snapshots, LocalImageStore store) {}

  private Env open(String name) {
    Path dir = tmp.resolve(name);
    LocalContentStore c = new LocalContentStore(dir.resolve("content"));
    OverlaySnapshotter s = new OverlaySnapshotter(dir.resolve("snapshots"));
    return new Env(c, s, new LocalImageStore(c, s, dir.resolve("image")));
  }

  @Test
  void saveWritesDocker25LayoutAndLoadRoundTrips() throws Exception {
    Env a = open("a");
    Image base = a.store().importRootfs(new ByteArrayInputStream(LocalImageStoreTest.rootfs("one")),
        ImageConfig.empty(), "busybox:latest", "", Instant.parse("2024-01-01T00:00:00Z"));
    Path upper = Files.createDirectories(tmp.resolve("upper"));
    Files.writeString(upper.resolve("added"), "x");
    Image child = a.store().commit(upper, base, base.config(), null, null, "touch", "app:1");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    a.store().save(List.of("app:1", "busybox"), out);

    Map<String, byte[]> files = Tars.read(out.toByteArray());
    assertThat(files).containsKeys("oci-layout", "index.json", "manifest.json", "repositories",
        "blobs/sha256/" + child.id().hex(), "blobs/sha256/" + child.diffIds().get(1).hex());
    JsonNode manifest = Json.MAPPER.readTree(files.get("manifest.json"));
    assertThat(manifest).hasSize(2);
    assertThat(manifest.get(0).path("Config").asText()).isEqualTo("blobs/sha256/" + child.id().hex());
    assertThat(manifest.get(0).path("RepoTags").get(0).asText()).isEqualTo("app:1");
    assertThat(manifest.get(0).path("Layers")).hasSize(2);
    JsonNode index = Json.MAPPER.readTree(files.get("index.json"));
    assertThat(index.path("manifests").get(0).path("annotations").path("io.containerd.image.name").asText())
        .isEqualTo("docker.io/library/app:1");
    Digest layer = Digest.of(files.get("blobs/sha256/" + base.diffIds().get(0).hex()));
    assertThat(layer).isEqualTo(base.diffIds().get(0));

    Env b = open("b");
    List<String> loaded = b.store().load(new ByteArrayInputStream(out.toByteArray()));
    assertThat(loaded).containsExactly("app:1", "busybox:latest");
    Image again = b.store().resolve("app:1").orElseThrow();
    assertThat(again.id()).isEqualTo(child.id());
    assertThat(again.diffIds()).isEqualTo(child.diffIds());
    assertThat(Files.readString(b.snapshots().fsDir(again.topSnapshot()).resolve("added"))).isEqualTo("x");
    assertThat(b.store().resolve("busybox").orElseThrow().id()).isEqualTo(base.id());
  }

  @Test
  void saveByRepositorySavesEveryTag() {
    Env a = open("a");
    Image one = a.store().importRootfs(new ByteArrayInputStream(LocalImageStoreTest.rootfs("1")),
        ImageConfig.empty(), "repo:1", "", Instant.EPOCH);
    a.store().importRootfs(new ByteArrayInputStream(LocalImageStoreTest.rootfs("2")),
        ImageConfig.empty(), "repo:2", "", Instant.EPOCH);
    a.store().tag(one, "other:x");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    a.store().save(List.of("repo"), out);
    assertThat(open("b").store().load(new ByteArrayInputStream(out.toByteArray())))
        .containsExactlyInAnyOrder("repo:1", "repo:2");
  }

  @Test
  void saveByIdHasNoTagsAndLoadReportsTheId() {
    Env a = open("a");
    Image img = a.store().importRootfs(new ByteArrayInputStream(LocalImageStoreTest.rootfs("z")),
        ImageConfig.empty(), null, "", Instant.EPOCH);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    a.store().save(List.of(img.id().hex().substring(0, 12)), out);
    assertThat(open("b").store().load(new ByteArrayInputStream(out.toByteArray())))
        .containsExactly(img.id().toString());
  }

  /** `docker save` from Docker 20.10: <id>.json configs, <layer>/layer.tar, a symlinked duplicate layer. */
  @Test
  void loadsTheDocker2010Format() throws Exception {
    byte[] layerTar = LocalImageStoreTest.rootfs("old");
    Digest diff = Digest.of(layerTar);
    String cfg = "{\"architecture\":\"amd64\",\"config\":{\"Cmd\":[\"sh\"]},\"created\":\"2021-03-04T05:06:07.123456789Z\","
        + "\"history\":[{\"created\":\"2021-03-04T05:06:07.123456789Z\",\"created_by\":\"ADD rootfs\"},"
        + "{\"created\":\"2021-03-04T05:06:08Z\",\"created_by\":\"ADD same\"}],"
        + "\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + diff + "\",\"" + diff + "\"]}}";
    Digest id = Digest.of(cfg.getBytes(StandardCharsets.UTF_8));
    String l1 = "a".repeat(64);
    String l2 = "b".repeat(64);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(l1 + "/", "");
    m.put(l1 + "/VERSION", "1.0");
    m.put(l1 + "/json", "{\"id\":\"" + l1 + "\"}");
    m.put(l1 + "/layer.tar", layerTar);
    m.put(l2 + "/", "");
    m.put(l2 + "/VERSION", "1.0");
    m.put(l2 + "/json", "{\"id\":\"" + l2 + "\",\"parent\":\"" + l1 + "\"}");
    m.put(l2 + "/layer.tar", "->../" + l1 + "/layer.tar");
    m.put(id.hex() + ".json", cfg);
    m.put("manifest.json", "[{\"Config\":\"" + id.hex() + ".json\",\"RepoTags\":[\"old:1\"],\"Layers\":[\""
        + l1 + "/layer.tar\",\"" + l2 + "/layer.tar\"]}]");
    m.put("repositories", "{\"old\":{\"1\":\"" + l2 + "\"}}");
    Env b = open("b");
    assertThat(b.store().load(new ByteArrayInputStream(Tars.of(m)))).containsExactly("old:1");
    Image img = b.store().resolve("old:1").orElseThrow();
    assertThat(img.id()).isEqualTo(id);
    assertThat(img.history()).hasSize(2);
    assertThat(img.created()).isEqualTo(Instant.parse("2021-03-04T05:06:07.123456789Z"));
    assertThat(Files.readString(b.snapshots().fsDir(img.topSnapshot()).resolve("etc/hostname"))).isEqualTo("old");
  }

  @Test
  void layerNotMatchingItsDiffIdIsRefused() {
    String cfg = "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:"
        + "c".repeat(64) + "\"]}}";
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cfg.json", cfg);
    m.put("l/layer.tar", LocalImageStoreTest.rootfs("x"));
    m.put("manifest.json", "[{\"Config\":\"cfg.json\",\"RepoTags\":[\"bad:1\"],\"Layers\":[\"l/layer.tar\"]}]");
    Env b = open("b");
    assertThatThrownBy(() -> b.store().load(new ByteArrayInputStream(Tars.of(m))))
        .isInstanceOf(InvalidArgument.class).hasMessageContaining("invalid diffID for layer 0");
    assertThat(b.store().list()).isEmpty();
  }

  @Test
  void archiveWithoutManifestIsRefused() {
    Env b = open("b");
    assertThatThrownBy(() -> b.store().load(new ByteArrayInputStream(Tars.of(Map.of("x", "y")))))
        .isInstanceOf(InvalidArgument.class).hasMessageContaining("no manifest.json");
  }
}
