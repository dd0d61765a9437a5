package berth.snapshot;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class OverlaySnapshotterContractTest extends SnapshotterContract {
  @TempDir Path tmp;
  private int n;

  @Override
  protected Snapshotter newSnapshotter() {
    return new OverlaySnapshotter(tmp.resolve("s" + n++));
  }
}
