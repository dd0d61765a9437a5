package berth.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;

import berth.core.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryStoreTest {
  @TempDir
  Path root;

  static Digest d(String s) {
    return Digest.of(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void catalogListsNestedRepositoriesOnce() throws Exception {
    RepositoryStore r = new RepositoryStore(root);
    r.linkLayer("b", d("1"));
    r.linkLayer("a/x", d("1"));
    r.putManifest("a/x", d("m"), "application/vnd.oci.image.manifest.v1+json");
    r.putManifest("a", d("m"), "application/vnd.oci.image.manifest.v1+json");
    r.tag("a/x/y", "latest", d("m"));
    assertThat(r.repositories()).containsExactly("a", "a/x", "a/x/y", "b");
  }

  @Test
  void deletingAManifestDropsItsTagsAndReferrerEntry() throws Exception {
    RepositoryStore r = new RepositoryStore(root);
    Digest m = d("m");
    Digest other = d("o");
    r.putManifest("app", m, "application/vnd.oci.image.manifest.v1+json");
    r.putManifest("app", other, "application/vnd.oci.image.manifest.v1+json");
    r.tag("app", "one", m);
    r.tag("app", "two", m);
    r.tag("app", "keep", other);
    r.addReferrer("app", other, m, "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(r.referrers("app", other)).hasSize(1);
    assertThat(r.deleteManifest("app", m)).isTrue();
    assertThat(r.tags("app")).containsExactly("keep");
    assertThat(r.referrers("app", other)).isEmpty();
    assertThat(r.manifestMediaType("app", m)).isEmpty();
    assertThat(r.deleteManifest("app", m)).isFalse();
  }
}
