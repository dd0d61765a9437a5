package berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteContainerStoreTest extends ContainerStoreContract {
  @TempDir Path dir;
  SqliteContainerStore store;

  @Override
  ContainerStore store() {
    store = new SqliteContainerStore(dir.resolve("state.db"));
    return store;
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  @Test
  void recordsSurviveReopening() {
    ContainerStore s = store();
    s.put(record("a1", "/one"));
    s.close();
    store = new SqliteContainerStore(dir.resolve("state.db"));
    assertThat(store.get("a1")).contains(record("a1", "/one"));
  }
}
