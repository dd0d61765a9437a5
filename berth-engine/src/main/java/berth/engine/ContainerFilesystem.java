package berth.engine;

import berth.api.model.PathStat;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Export and the archive endpoints (stat, get, put of paths in a container's filesystem). Not
 * implemented yet: they need the storage module's tar writer and path-safe extraction.
 */
final class ContainerFilesystem {
  private final EngineContext ctx;

  ContainerFilesystem(EngineContext ctx) {
    this.ctx = ctx;
  }

  void export(String ref, OutputStream out) {
    ctx.registry().resolve(ref);
    throw EngineContainerService.notYet("container export");
  }

  PathStat stat(String ref, String path) {
    ctx.registry().resolve(ref);
    throw EngineContainerService.notYet("container archive");
  }

  ArchiveResult get(String ref, String path) {
    ctx.registry().resolve(ref);
    throw EngineContainerService.notYet("container archive");
  }

  void put(String ref, String path, InputStream tar, boolean noOverwriteDirNonDir, boolean copyUidGid) {
    ctx.registry().resolve(ref);
    throw EngineContainerService.notYet("container archive");
  }
}
