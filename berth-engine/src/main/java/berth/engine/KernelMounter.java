package berth.engine;

import berth.snapshot.Mount;
import berth.snapshot.Mounter;
import java.nio.file.Path;
import java.util.List;

/**
 * The real {@link RootfsMounter}: berth-snapshot's {@link Mounter}, which calls mount(2) and
 * umount2(2) through FFM. It replaced a mounter that ran mount(8)/umount(8), two process spawns
 * per container run.
 */
public final class KernelMounter implements RootfsMounter {
  private final Mounter mounter = new Mounter();

  @Override
  public void mount(List<Mount> mounts, Path target) {
    mounter.mount(mounts, target);
  }

  @Override
  public void unmount(Path target) {
    mounter.unmount(target);
  }

  @Override
  public boolean isMounted(Path target) {
    return mounter.isMounted(target);
  }
}
