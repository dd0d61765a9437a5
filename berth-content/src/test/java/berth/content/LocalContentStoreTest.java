package berth.content;

import static org.assertj.core.api.Assertions.assertThat;

import berth.core.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalContentStoreTest extends ContentStoreContract {
  @TempDir Path tmp;
  private int n;

  @Override
  protected ContentStore newStore() {
    return new LocalContentStore(tmp.resolve("store" + n++));
  }

  @Test
  void layoutIsBlobsSha256Hex() throws Exception {
    LocalContentStore s = new LocalContentStore(tmp.resolve("c"));
    Digest d = s.write("abc".getBytes(StandardCharsets.UTF_8));
    assertThat(s.path(d)).isEqualTo(tmp.resolve("c/blobs/sha256/" + d.hex()));
    assertThat(Files.readString(s.path(d))).isEqualTo("abc");
    assertThat(Files.list(tmp.resolve("c/ingest"))).isEmpty();
  }

  @Test
  void reopenKeepsBlobsAndDropsStaleIngest() throws Exception {
    Path root = tmp.resolve("r");
    Digest d = new LocalContentStore(root).write("keep".getBytes(StandardCharsets.UTF_8));
    Files.writeString(root.resolve("ingest/blob-crashed.tmp"), "half");
    LocalContentStore again = new LocalContentStore(root);
    assertThat(again.exists(d)).isTrue();
    assertThat(Files.list(root.resolve("ingest"))).isEmpty();
  }

  @Test
  void strayFilesAreNotListed() throws Exception {
    LocalContentStore s = new LocalContentStore(tmp.resolve("s"));
    Files.writeString(tmp.resolve("s/blobs/sha256/junk"), "x");
    assertThat(s.list()).isEmpty();
  }
}
