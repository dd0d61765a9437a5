package berth.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExitWatcherTest {
  @TempDir Path dir;

  /** Writes like conmon: a temp file renamed into place. */
  private void exitFile(String id, String code) throws Exception {
    Path tmp = dir.resolve(id + ".XYZ123");
    Files.writeString(tmp, code);
    Files.move(tmp, dir.resolve(id), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void reportsEachNewExitOnceAndIgnoresOldOnes() throws Exception {
    exitFile("old", "1");
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    try (ExitWatcher w = new ExitWatcher(dir, seen::add)) {
      exitFile("a", "0");
      assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("a");
      assertThat(seen.poll(4, TimeUnit.SECONDS)).as("no duplicate, not even after a rescan").isNull();
      Files.delete(dir.resolve("a"));
      w.forget("a");
      exitFile("a", "137"); // the same container ran again
      assertThat(seen.poll(5, TimeUnit.SECONDS)).isEqualTo("a");
    }
    assertThat(seen).doesNotContain("old");
    assertThat(ExitFiles.readCode(dir.resolve("a"))).hasValue(137);
    assertThat(ExitFiles.readCode(dir.resolve("missing"))).isEmpty();
  }
}
