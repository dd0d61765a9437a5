package berth.engine;

import berth.api.model.ContainerConfig;
import berth.api.model.ContainerCreateResponse;
import berth.api.model.HostConfig;
import berth.api.model.NetworkingConfig;
import berth.core.Ids;
import berth.core.errors.Internal;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import berth.image.Image;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * POST /containers/create: validates, merges the image config, reserves the name, prepares the
 * container's writable snapshot (so the image cannot be deleted under it) and persists the record.
 */
final class ContainerCreator {
  private final EngineContext ctx;

  ContainerCreator(EngineContext ctx) {
    this.ctx = ctx;
  }

  ContainerCreateResponse create(String name, ContainerConfig config, HostConfig hostConfig,
      NetworkingConfig networking, String platform) {
    String fullName = name == null || name.isEmpty() ? null : ContainerRegistry.validateName(name);
    ContainerConfig cfg = config == null ? ContainerConfig.builder().build() : config;
    HostConfig hc = hostConfig == null ? HostConfig.empty() : hostConfig;
    validatePlatform(platform);
    if (cfg.image() == null || cfg.image().isEmpty()) {
      throw new InvalidArgument("config.Image must not be empty");
    }
    Image image = ctx.images().resolve(cfg.image()).orElseThrow(() -> NotFound.image(withTag(cfg.image())));
    List<String> warnings = new ArrayList<>(HostConfigValidator.validate(cfg, hc, networking));
    NetworkMode mode = NetworkMode.parse(hc.networkMode());
    if (mode instanceof NetworkMode.Joined j) {
      ctx.registry().resolve(j.ref()); // Docker checks the joined container exists at create
    }
    ctx.networking().validate(hc, networking, mode);
    ContainerConfig merged = ConfigMerger.merge(cfg, image.config());
    String id = Ids.newId();
    merged = ConfigMerger.withDefaults(merged, defaultHostname(mode, id));
    List<String> argv = new ArrayList<>();
    if (merged.entrypoint() != null) {
      argv.addAll(merged.entrypoint());
    }
    if (merged.cmd() != null) {
      argv.addAll(merged.cmd());
    }
    if (argv.isEmpty()) {
      throw new InvalidArgument("No command specified");
    }
    HostConfig normalized = HostConfigDefaults.normalize(hc, ctx.config().runtimeName());
    String reserved = fullName;
    if (reserved != null) {
      ctx.registry().reserveName(reserved, id);
    } else {
      reserved = ctx.registry().reserveGeneratedName(id);
    }
    ContainerRecord record = new ContainerRecord(id, reserved, nowNanos(), argv.get(0),
        List.copyOf(argv.subList(1, argv.size())), merged, normalized, networking, image.id().toString(),
        platform == null ? "" : platform, ContainerRecord.State.created(), 0, false, false);
    try {
      ctx.snapshotter().prepare(id, ctx.images().snapshotParent(image));
      Files.createDirectories(ctx.files(id).dir());
      ctx.volumes().resolve(id, normalized, merged, ref -> ctx.registry().resolve(ref).id());
      if (ctx.volumes().needsCopyUp(id)) {
        copyUp(id);
      }
      ctx.store().put(record);
    } catch (RuntimeException | IOException e) {
      ctx.registry().releaseName(reserved, id);
      undo(id);
      if (e instanceof RuntimeException re && re instanceof berth.core.errors.BerthException) {
        throw re;
      }
      throw new Internal("create container " + id + ": " + e.getMessage(), e);
    }
    ctx.registry().add(new Container(record));
    ctx.events().container(record, "create", null);
    return new ContainerCreateResponse(id, warnings);
  }

  /** Copy-up needs the image's files: the rootfs is mounted just for it. */
  private void copyUp(String id) throws IOException {
    Path rootfs = ctx.rootfs(id);
    Files.createDirectories(rootfs);
    ctx.mounter().mount(ctx.snapshotter().mounts(id), rootfs);
    try {
      ctx.volumes().copyUp(id, rootfs);
    } finally {
      ctx.mounter().unmount(rootfs);
    }
  }

  private void undo(String id) {
    ctx.volumes().release(id, true);
    try {
      ctx.snapshotter().remove(id);
    } catch (RuntimeException ignored) {
      // best effort: nothing refers to it
    }
    FileTrees.deleteQuietly(ctx.files(id).dir());
  }

  static void validatePlatform(String platform) {
    if (platform == null || platform.isEmpty()) {
      return;
    }
    String p = platform.toLowerCase(java.util.Locale.ROOT);
    if (!p.equals("linux") && !p.equals("linux/amd64") && !p.equals("linux/x86_64")) {
      throw new InvalidArgument("image platform " + platform + " is not supported on this host (linux/amd64)");
    }
  }

  private static String defaultHostname(NetworkMode mode, String id) {
    if (mode instanceof NetworkMode.Host) {
      try {
        return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
      } catch (IOException e) {
        return Ids.shortId(id);
      }
    }
    return Ids.shortId(id);
  }

  /** "busybox" → "busybox:latest", as Docker's "No such image" message shows it. */
  static String withTag(String ref) {
    if (ref.contains("@") || ref.startsWith("sha256:")) {
      return ref;
    }
    int slash = ref.lastIndexOf('/');
    return ref.indexOf(':', slash + 1) >= 0 ? ref : ref + ":latest";
  }

  static long nowNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }
}
