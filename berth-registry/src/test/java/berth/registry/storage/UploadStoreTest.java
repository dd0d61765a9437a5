package berth.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.Digest;
import berth.registry.http.BodyStream;
import berth.registry.spec.ErrorCode;
import berth.registry.spec.RegistryException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadStoreTest {
  @TempDir
  Path root;
  BlobStore blobs;
  RepositoryStore repos;
  UploadStore uploads;

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @BeforeEach
  void open() throws Exception {
    blobs = new BlobStore(root);
    repos = new RepositoryStore(root);
    uploads = new UploadStore(root, blobs, repos, new StorageLock(root));
  }

  @Test
  void chunksInOrderThenFinish() throws Exception {
    Upload u = uploads.start("app");
    assertThat(uploads.append(u, BodyStream.of(b("hello ")), 0L)).isEqualTo(6);
    assertThat(uploads.append(u, BodyStream.of(b("world")), null)).isEqualTo(11);
    Digest d = Digest.of(b("hello world"));
    uploads.finish(u, d);
    assertThat(Files.readString(blobs.path(d))).isEqualTo("hello world");
    assertThat(repos.hasLayer("app", d)).isTrue();
    assertThatThrownBy(() -> uploads.find("app", u.id())).extracting(e -> ((RegistryException) e).code())
        .isEqualTo(ErrorCode.BLOB_UPLOAD_UNKNOWN);
  }

  @Test
  void outOfOrderChunkIsRangeInvalidAndChangesNothing() throws Exception {
    Upload u = uploads.start("app");
    uploads.append(u, BodyStream.of(b("abc")), 0L);
    assertThatThrownBy(() -> uploads.append(u, BodyStream.of(b("xyz")), 5L))
        .hasMessageContaining("chunk starts at 5 but the upload holds 3 bytes")
        .satisfies(e -> assertThat(((RegistryException) e).headers()).containsEntry("Range", "0-2"));
    assertThat(u.size()).isEqualTo(3);
  }

  @Test
  void aTruncatedChunkIsRolledBack() throws Exception {
    Upload u = uploads.start("app");
    uploads.append(u, BodyStream.of(b("abc")), 0L);
    assertThatThrownBy(() -> uploads.append(u, BodyStream.truncated(b("defg")), 3L)).hasMessageContaining("truncated");
    assertThat(u.size()).isEqualTo(3);
    assertThat(Files.size(root.resolve("uploads").resolve(u.id()).resolve("data"))).isEqualTo(3);
    uploads.append(u, BodyStream.of(b("def")), 3L);
    uploads.finish(u, Digest.of(b("abcdef"))); // the hash was recomputed from the file
    assertThat(blobs.exists(Digest.of(b("abcdef")))).isTrue();
  }

  @Test
  void wrongDigestDropsTheUploadAndStoresNothing() throws Exception {
    Upload u = uploads.start("app");
    uploads.append(u, BodyStream.of(b("abc")), null);
    Digest wrong = Digest.of(b("abd"));
    assertThatThrownBy(() -> uploads.finish(u, wrong)).extracting(e -> ((RegistryException) e).code())
        .isEqualTo(ErrorCode.DIGEST_INVALID);
    assertThat(blobs.exists(wrong)).isFalse();
    assertThat(blobs.exists(Digest.of(b("abc")))).isFalse();
    assertThat(blobs.all()).isEmpty();
  }

  @Test
  void sessionsSurviveARestartAndBelongToTheirRepository() throws Exception {
    Upload u = uploads.start("app");
    uploads.append(u, BodyStream.of(b("abc")), 0L);
    UploadStore after = new UploadStore(root, blobs, repos, new StorageLock(root));
    Upload again = after.find("app", u.id());
    assertThat(again.size()).isEqualTo(3);
    assertThatThrownBy(() -> after.find("other", u.id())).isInstanceOf(RegistryException.class);
    after.append(again, BodyStream.of(b("d")), 3L);
    after.finish(again, Digest.of(b("abcd")));
    assertThat(blobs.exists(Digest.of(b("abcd")))).isTrue();
  }

  @Test
  void purgeRemovesOldSessions() throws Exception {
    uploads.start("app");
    assertThat(uploads.purge(Duration.ofDays(1))).isZero();
    assertThat(uploads.purge(Duration.ofSeconds(-1))).isEqualTo(1);
    try (var s = Files.list(root.resolve("uploads"))) {
      assertThat(s.count()).isZero();
    }
  }
}
