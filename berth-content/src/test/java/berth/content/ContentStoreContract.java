package berth.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.Digest;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every ContentStore must do; implementations extend this and supply a fresh store. */
abstract class ContentStoreContract {
  protected abstract ContentStore newStore() throws Exception;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void writeThenReadBack() throws Exception {
    ContentStore s = newStore();
    Digest d = s.write(bytes("hello"));
    assertThat(d).isEqualTo(Digest.of(bytes("hello")));
    assertThat(s.exists(d)).isTrue();
    assertThat(s.size(d)).isEqualTo(5);
    try (InputStream in = s.open(d)) {
      assertThat(in.readAllBytes()).isEqualTo(bytes("hello"));
    }
    assertThat(s.list()).containsExactly(d);
  }

  @Test
  void writeIsIdempotent() throws Exception {
    ContentStore s = newStore();
    Digest a = s.write(bytes("x"));
    Digest b = s.write(new ByteArrayInputStream(bytes("x")), Optional.of(a), 1);
    assertThat(b).isEqualTo(a);
    assertThat(s.list()).containsExactly(a);
  }

  @Test
  void digestMismatchStoresNothingAndNamesBoth() throws Exception {
    ContentStore s = newStore();
    Digest wrong = Digest.of(bytes("other"));
    Digest actual = Digest.of(bytes("data"));
    assertThatThrownBy(() -> s.write(new ByteArrayInputStream(bytes("data")), Optional.of(wrong), -1))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining(wrong.toString())
        .hasMessageContaining(actual.toString());
    assertThat(s.exists(actual)).isFalse();
    assertThat(s.list()).isEmpty();
  }

  @Test
  void sizeMismatchStoresNothing() throws Exception {
    ContentStore s = newStore();
    Digest d = Digest.of(bytes("data"));
    assertThatThrownBy(() -> s.write(new ByteArrayInputStream(bytes("data")), Optional.of(d), 12))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("commit blob " + d + ": size 4 != expected 12");
    assertThat(s.exists(d)).isFalse();
  }

  @Test
  void missingBlobIsNotFound() throws Exception {
    ContentStore s = newStore();
    Digest d = Digest.of(bytes("nope"));
    assertThat(s.exists(d)).isFalse();
    assertThatThrownBy(() -> s.open(d)).isInstanceOf(NotFound.class).hasMessageContaining(d.toString());
    assertThatThrownBy(() -> s.size(d)).isInstanceOf(NotFound.class);
    s.delete(d);
  }

  @Test
  void deleteRemoves() throws Exception {
    ContentStore s = newStore();
    Digest d = s.write(bytes("gone"));
    s.delete(d);
    assertThat(s.exists(d)).isFalse();
    assertThat(s.list()).isEmpty();
  }

  @Test
  void concurrentWritersOfSameBlobAllSucceed() throws Exception {
    ContentStore s = newStore();
    byte[] data = new byte[1 << 20];
    new java.util.Random(1).nextBytes(data);
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<Digest>> fs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        fs.add(pool.submit(() -> s.write(data)));
      }
      for (Future<Digest> f : fs) {
        assertThat(f.get()).isEqualTo(Digest.of(data));
      }
    }
    try (InputStream in = s.open(Digest.of(data))) {
      assertThat(in.readAllBytes()).isEqualTo(data);
    }
  }
}
