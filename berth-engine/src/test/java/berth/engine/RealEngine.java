package berth.engine;

import berth.image.Image;
import berth.image.ImageConfig;
import berth.runtime.ConmonRuntime;
import berth.snapshot.Mount;
import berth.snapshot.Snapshotter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real engine for integration tests: ConmonRuntime (runc under conmon), real overlay mounts,
 * SQLite state, and a test snapshotter whose only lower layer is a busybox rootfs built from the
 * host's static busybox (the storage module's overlay snapshotter is not needed for these tests).
 */
final class RealEngine implements AutoCloseable {
  final Path dir;
  final ConmonRuntime runtime;
  final Engine engine;
  final KernelMounter mounter = new KernelMounter();

  RealEngine(Path dir) throws IOException {
    this(dir, null);
  }

  RealEngine(Path dir, ConmonRuntime existing) throws IOException {
    this(dir, existing, null);
  }

  RealEngine(Path dir, ConmonRuntime existing, berth.network.NetworkService networks) throws IOException {
    this.dir = dir;
    Path rootfs = dir.resolve("busybox");
    if (!Files.exists(rootfs)) {
      buildRootfs(rootfs);
    }
    this.runtime = existing != null ? existing : new ConmonRuntime(ConmonRuntime.Config.defaults(dir.resolve("run")));
    ImageConfig cfg = new ImageConfig(null, null, null, null, null, null, null, null, null, null,
        List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"), List.of("sh"), null, null,
        null, null, null, null, null, null, null, null);
    Image busybox = FakeStorage.busybox(cfg);
    this.engine = Engine.builder(new EngineConfig(dir.resolve("data"), dir.resolve("run"), "runc", false))
        .images(new FakeStorage.Images(busybox)).snapshotter(new OverlayDirs(dir.resolve("snap"), rootfs))
        .mounter(mounter).runtime(runtime).networks(networks).open();
  }

  static void buildRootfs(Path rootfs) throws IOException {
    Path bin = rootfs.resolve("bin");
    Files.createDirectories(bin);
    for (String d : List.of("proc", "sys", "dev", "tmp", "etc", "root", "sbin")) {
      Files.createDirectories(rootfs.resolve(d));
    }
    Files.copy(Path.of("/usr/bin/busybox"), bin.resolve("busybox"));
    bin.resolve("busybox").toFile().setExecutable(true, false);
    Process list = new ProcessBuilder("/usr/bin/busybox", "--list").start();
    for (String applet : new String(list.getInputStream().readAllBytes()).split("\n")) {
      if (!applet.isBlank() && !applet.equals("busybox")) {
        Files.createSymbolicLink(bin.resolve(applet.strip()), Path.of("busybox"));
      }
    }
    Files.writeString(rootfs.resolve("etc/passwd"),
        "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home/nobody:/bin/false\n");
    Files.writeString(rootfs.resolve("etc/group"), "root:x:0:\nstaff:x:50:nobody\nnobody:x:65534:\n");
  }

  @Override
  public void close() {
    for (var c : engine.containers().list(true, 0, false, Map.of())) {
      try {
        engine.containers().remove(c.id(), true, false, false);
      } catch (RuntimeException ignored) {
        // best effort in cleanup
      }
    }
    engine.close();
    runtime.close();
  }

  /** Overlay snapshots over one fixed lower dir. */
  static final class OverlayDirs implements Snapshotter {
    final Path root;
    final Path lower;
    final Map<String, String> active = new ConcurrentHashMap<>();

    OverlayDirs(Path root, Path lower) {
      this.root = root;
      this.lower = lower;
      try (var s = Files.list(Files.createDirectories(root))) {
        s.forEach(p -> active.put(p.getFileName().toString(), ""));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public List<Mount> prepare(String key, String parent) {
      try {
        Files.createDirectories(root.resolve(key).resolve("fs"));
        Files.createDirectories(root.resolve(key).resolve("work"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      active.put(key, "");
      return mounts(key);
    }

    @Override
    public List<Mount> view(String key, String parent) {
      return prepare(key, parent);
    }

    @Override
    public List<Mount> mounts(String key) {
      Path k = root.resolve(key);
      return List.of(new Mount("overlay", "overlay", List.of("lowerdir=" + lower, "upperdir=" + k.resolve("fs"),
          "workdir=" + k.resolve("work"))));
    }

    @Override
    public void commit(String name, String key) {}

    @Override
    public void remove(String key) {
      active.remove(key);
      FileTrees.deleteQuietly(root.resolve(key));
    }

    @Override
    public Optional<SnapshotInfo> stat(String key) {
      return active.containsKey(key) ? Optional.of(new SnapshotInfo(key, null, Kind.ACTIVE)) : Optional.empty();
    }

    @Override
    public Path upperDir(String key) {
      return root.resolve(key).resolve("fs");
    }

    @Override
    public Usage usage(String key) {
      return new Usage(0, 0);
    }
  }
}
