package berth.engine;

import berth.snapshot.Mount;
import java.nio.file.Path;
import java.util.List;

/**
 * Applies a snapshot's mounts at a container's rootfs and takes them down again. The engine's
 * own seam so tests can run without mount(2); {@link KernelMounter} is the real one.
 */
public interface RootfsMounter {
  /** Mounts {@code mounts} (in order) at {@code target}, which exists. */
  void mount(List<Mount> mounts, Path target);

  /** Unmounts {@code target} (lazily if busy); not mounted is fine. */
  void unmount(Path target);

  /** Whether something is mounted at {@code target}. */
  boolean isMounted(Path target);
}
