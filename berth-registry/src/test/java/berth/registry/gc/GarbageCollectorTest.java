package berth.registry.gc;

import static org.assertj.core.api.Assertions.assertThat;

import berth.core.Digest;
import berth.registry.api.Storage;
import berth.registry.http.BodyStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GarbageCollectorTest {
  @TempDir
  Path root;

  Digest blob(Storage s, String repo, String content) throws Exception {
    byte[] b = content.getBytes(StandardCharsets.UTF_8);
    Digest d = Digest.of(b);
    s.uploads().putWhole(repo, BodyStream.of(b), d);
    s.repos().linkLayer(repo, d);
    return d;
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

    var dry = new GarbageCollector(s).run(true);
    assertThat(dry.swept()).isEqualTo(1);
    assertThat(s.blobs().exists(orphan)).isTrue();

    var r = new GarbageCollector(s).run(false);
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
    assertThat(new GarbageCollector(s).run(false).swept()).isEqualTo(3);
    assertThat(s.blobs().all()).isEmpty();
  }
}
