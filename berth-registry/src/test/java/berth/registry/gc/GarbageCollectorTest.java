package berth.registry.gc;

import static org.assertj.core.api.Assertions.assertThat;

import berth.core.Digest;
import berth.registry.api.Storage;
import berth.registry.http.BodyStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GarbageCollectorTest {
  @TempDir
  Path root;

  static final Duration HOUR = Duration.ofHours(1);

  Digest blob(Storage s, String repo, String content) throws Exception {
    byte[] b = content.getBytes(StandardCharsets.UTF_8);
    Digest d = Digest.of(b);
    s.uploads().putWhole(repo, BodyStream.of(b), d);
    return d;
  }

  /** Pretends {@code d} was pushed and linked two hours ago. */
  void age(Storage s, String repo, Digest d) throws Exception {
    FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
    Files.setLastModifiedTime(s.blobs().path(d), old);
    Path link = root.resolve("repositories").resolve(repo).resolve("_layers").resolve(d.hex());
    if (Files.exists(link)) {
      Files.setLastModifiedTime(link, old);
    }
  }

  GarbageCollector gc(Storage s) {
    return new GarbageCollector(s, HOUR, Duration.ofSeconds(5));
  }

  @Test
  void sweepsOnlyWhatNoManifestReferences() throws Exception {
    Storage s = Storage.open(root);
    Digest config = blob(s, "app", "{}");
    Digest layer = blob(s, "app", "layer");
    Digest orphan = blob(s, "app", "orphan");
    String m = """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
         "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":2},
         "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"%s","size":5}]}"""
        .formatted(config, layer);
    Digest md = s.blobs().put(m.getBytes(StandardCharsets.UTF_8));
    s.repos().putManifest("app", md, "application/vnd.oci.image.manifest.v1+json");
    s.repos().tag("app", "v1", md);
    for (Digest d : new Digest[] {config, layer, orphan, md}) {
      age(s, "app", d);
    }

    var dry = gc(s).run(true);
    assertThat(dry.swept()).isEqualTo(1);
    assertThat(s.blobs().exists(orphan)).isTrue();

    var r = gc(s).run(false);
    assertThat(r.marked()).isEqualTo(3);
    assertThat(r.swept()).isEqualTo(1);
    assertThat(r.bytesFreed()).isEqualTo(6);
    assertThat(r.linksRemoved()).isEqualTo(1);
    assertThat(s.blobs().exists(orphan)).isFalse();
    assertThat(s.repos().hasLayer("app", orphan)).isFalse();
    assertThat(s.blobs().exists(layer)).isTrue();
    assertThat(s.blobs().exists(config)).isTrue();
    assertThat(s.blobs().exists(md)).isTrue();

    s.repos().deleteManifest("app", md);
    assertThat(gc(s).run(false).swept()).isEqualTo(3);
    assertThat(s.blobs().all()).isEmpty();
  }

  @Test
  void recentBlobsStayUntilTheirManifestCanArrive() throws Exception {
    Storage s = Storage.open(root);
    Digest fresh = blob(s, "app", "just pushed, manifest on its way");
    Digest relinked = blob(s, "app", "old blob, mounted again just now");
    age(s, "app", relinked);
    s.repos().linkLayer("other", relinked); // a mount renews the link's time
    Digest found = blob(s, "app", "old blob a pusher just found with HEAD");
    age(s, "app", found);
    Files.setLastModifiedTime(root.resolve("repositories/app/_layers").resolve(found.hex()),
        FileTime.from(Instant.now().minusSeconds(120)));
    s.repos().touchLayer("app", found);
    Digest stale = blob(s, "app", "old and unreferenced");
    age(s, "app", stale);

    var r = gc(s).run(false);
    assertThat(r.swept()).isEqualTo(1);
    assertThat(r.keptYoung()).isEqualTo(3);
    assertThat(s.blobs().exists(stale)).isFalse();
    assertThat(s.blobs().exists(fresh)).isTrue();
    assertThat(s.blobs().exists(relinked)).isTrue();
    assertThat(s.blobs().exists(found)).isTrue();
    assertThat(new GarbageCollector(s, Duration.ZERO, Duration.ofSeconds(5)).run(false).swept()).isEqualTo(3);
  }
}
