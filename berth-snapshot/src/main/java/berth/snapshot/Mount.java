package berth.snapshot;

import java.util.List;

/**
 * One mount to perform, as {@code mount(2)} takes it. The only currency between storage and
 * whoever runs containers: the snapshotter returns these, the engine applies them.
 */
public record Mount(String type, String source, List<String> options) {
  public Mount {
    options = List.copyOf(options);
  }
}
