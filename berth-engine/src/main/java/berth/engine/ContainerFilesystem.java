package berth.engine;

import berth.api.model.DockerTime;
import berth.api.model.PathStat;
import berth.core.errors.Internal;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Export and the archive endpoints (stat, get, put of paths in a container's filesystem). A
 * running container's rootfs is mounted already; for a stopped one it is mounted for the
 * operation, under the container's lock so it cannot start meanwhile.
 */
final class ContainerFilesystem {
  // Go's os.FileMode type bits, which Docker puts in the path stat's "mode"

  private final EngineContext ctx;

  ContainerFilesystem(EngineContext ctx) {
    this.ctx = ctx;
  }

  @FunctionalInterface
  private interface RootfsWork<T> {
    T run(Path root) throws IOException;
  }

  /**
   * Runs {@code work} with the container's root as the host sees it. A running container's is
   * /proc/<pid>/root, its full view with binds and the /etc files; a stopped one's rootfs is
   * mounted for the operation (and {@link #inStopped} maps the engine's bind mounts onto it).
   * {@code whole} asks for the rootfs alone (export), never the process's view.
   */
  private <T> T withRootfs(Container c, boolean whole, RootfsWork<T> work) {
    c.lock.lock();
    try {
      if (ctx.registry().byId(c.id()).isEmpty()) {
        throw NotFound.container(c.id());
      }
      ContainerRecord r = c.record();
      boolean live = r.state().status() == ContainerStatus.RUNNING || r.state().status() == ContainerStatus.PAUSED;
      if (live && !whole && r.state().pid() > 0 && Files.isDirectory(Path.of("/proc", Integer.toString(r.state().pid()),
          "root"))) {
        return work.run(Path.of("/proc", Integer.toString(r.state().pid()), "root"));
      }
      Path root = ctx.rootfs(c.id());
      boolean mountedHere = false;
      if (!ctx.mounter().isMounted(root)) {
        Files.createDirectories(root);
        ctx.mounter().mount(ctx.snapshotter().mounts(c.id()), root);
        mountedHere = true;
      }
      try {
        return work.run(root);
      } finally {
        if (mountedHere && !c.status().isRunningLike()) {
          ctx.mounter().unmount(root);
        }
      }
    } catch (IOException e) {
      throw new Internal("filesystem of container " + c.id() + ": " + e.getMessage(), e);
    } finally {
      c.lock.unlock();
    }
  }

  private <T> T withRootfs(Container c, RootfsWork<T> work) {
    return withRootfs(c, false, work);
  }

  /**
   * For a stopped container, where {@code path} really lives: the engine's /etc files and bind
   * mounts are not in the rootfs, so a path under one of them is resolved in its host source.
   * Returns the root to resolve in and the path inside it.
   */
  private Object[] inStopped(Container c, Path root, String path) {
    if (root.startsWith("/proc")) {
      return new Object[] {root, path};
    }
    String p = "/" + TarStreams.clean(path);
    ContainerFiles files = ctx.files(c.id());
    java.util.Map<String, Path> table = new java.util.LinkedHashMap<>();
    table.put("/etc/hostname", files.hostname());
    table.put("/etc/hosts", files.hosts());
    table.put("/etc/resolv.conf", files.resolvConf());
    for (var m : ContainerViews.mountPoints(c.record().hostConfig())) {
      if ("bind".equals(m.type())) {
        table.put(m.destination(), Path.of(m.source()));
      }
    }
    for (var m : ctx.volumes().mountPoints(c.id())) {
      table.put(m.destination(), Path.of(m.source())); // cp reaches the volume, not the layer below
    }
    String best = null;
    for (String dest : table.keySet()) {
      if ((p.equals(dest) || p.startsWith(dest + "/")) && (best == null || dest.length() > best.length())) {
        best = dest;
      }
    }
    if (best == null) {
      return new Object[] {root, path};
    }
    Path src = table.get(best);
    if (!Files.isDirectory(src)) {
      // a single bound file: its directory is the root, its name the path
      return new Object[] {src.getParent(), "/" + src.getFileName() + p.substring(best.length())};
    }
    return new Object[] {src, p.substring(best.length()).isEmpty() ? "/" : p.substring(best.length())};
  }

  void export(String ref, OutputStream out) {
    Container c = ctx.registry().resolve(ref);
    withRootfs(c, true, root -> {
      TarArchiveOutputStream tar = TarStreams.open(out);
      try (var children = Files.list(root)) {
        for (Path p : children.sorted().toList()) {
          TarStreams.write(tar, p, p.getFileName().toString());
        }
      }
      tar.finish();
      tar.flush();
      return null;
    });
    ctx.events().container(c.record(), "export", Map.of());
  }

  PathStat stat(String ref, String path) {
    Container c = ctx.registry().resolve(ref);
    PathStat st = withRootfs(c, root -> statLocked(c, root, path));
    ctx.events().container(c.record(), "archive-path", Map.of());
    return st;
  }

  private PathStat statLocked(Container c, Path fsRoot, String requested) throws IOException {
    requireAbsolute(requested);
    Object[] where = inStopped(c, fsRoot, requested);
    Path root = (Path) where[0];
    String path = (String) where[1];
    Path p = RootPath.resolve(root, path, false);
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      throw new NotFound("Could not find the file " + requested + " in container " + c.record().shortName());
    }
    Map<String, Object> a = Files.readAttributes(p, "unix:mode,size,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) a.get("mode");
    String link = "";
    if (Files.isSymbolicLink(p)) {
      link = RootPath.inside(root, RootPath.resolve(root, path, true));
    }
    String name = p.equals(root) ? "/" : p.getFileName().toString();
    return new PathStat(name, (Long) a.get("size"), berth.snapshot.archive.PathStat.goFileMode(mode),
        DockerTime.format(((FileTime) a.get("lastModifiedTime")).toInstant()), link);
  }

  ArchiveResult get(String ref, String path) {
    Container c = ctx.registry().resolve(ref);
    PathStat stat = stat(ref, path);
    boolean follow = path.endsWith("/") || path.endsWith("/.");
    String base = baseName(path);
    return new ArchiveResult(stat, out -> withRootfs(c, fsRoot -> {
      Object[] where = inStopped(c, fsRoot, path);
      Path p = RootPath.resolve((Path) where[0], (String) where[1], follow);
      TarArchiveOutputStream tar = TarStreams.open(out);
      TarStreams.write(tar, p, base);
      tar.finish();
      tar.flush();
      return null;
    }));
  }

  void put(String ref, String path, InputStream tar, boolean noOverwriteDirNonDir, boolean copyUidGid) {
    Container c = ctx.registry().resolve(ref);
    if (c.record().hostConfig().readonlyRootfs() != null && c.record().hostConfig().readonlyRootfs()) {
      throw new berth.core.errors.Forbidden("container rootfs is marked read-only");
    }
    withRootfs(c, fsRoot -> {
      requireAbsolute(path);
      Object[] where = inStopped(c, fsRoot, path);
      Path root = (Path) where[0];
      Path dest = RootPath.resolve(root, (String) where[1], true);
      if (!Files.exists(dest)) {
        throw new NotFound("Could not find the file " + path + " in container " + c.record().shortName());
      }
      if (!Files.isDirectory(dest)) {
        throw new InvalidArgument("extraction point is not a directory");
      }
      TarStreams.extract(tar, root, RootPath.inside(root, dest), noOverwriteDirNonDir);
      return null;
    });
    ctx.events().container(c.record(), "extract-to-dir", Map.of());
  }

  private static void requireAbsolute(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new InvalidArgument("Path must be absolute: " + path);
    }
  }

  /** Docker's archive name: the last element as given ("." for a path ending in "/."). */
  static String baseName(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (p.equals("/")) {
      return ".";
    }
    return p.substring(p.lastIndexOf('/') + 1);
  }
}
