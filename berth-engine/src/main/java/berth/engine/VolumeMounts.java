package berth.engine;

import berth.api.model.ContainerConfig;
import berth.api.model.HostConfig;
import berth.api.model.MountPoint;
import berth.core.Json;
import berth.core.errors.Internal;
import berth.core.io.AtomicFiles;
import berth.runtime.oci.Spec;
import berth.volume.CopyUp;
import berth.volume.MountParser;
import berth.volume.MountType;
import berth.volume.VolumeStore;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The seam between containers and the volume store: named and anonymous volumes of `-v` and the
 * image's VOLUME entries are resolved once, at create, into {@link Entry}s saved beside the
 * container ({@code volumes.json}); from then on inspect's Mounts, the OCI mounts at start, the
 * references after a daemon restart and the release at removal all read that file, so they agree.
 * Binds and tmpfs stay with SpecBuilder; this class must not touch them.
 */
final class VolumeMounts {
  private static final String FILE = "volumes.json";

  /**
   * One resolved volume mount of a container; {@code subpath} (nullable) is the directory inside the
   * volume that is mounted instead of its root ({@code --mount volume-subpath=}).
   */
  record Entry(String name, String destination, boolean rw, String mode, boolean anonymous, boolean copyData,
      String subpath) {

    Entry(String name, String destination, boolean rw, String mode, boolean anonymous, boolean copyData) {
      this(name, destination, rw, mode, anonymous, copyData, null);
    }

    Entry withCopyData(boolean copy) {
      return new Entry(name, destination, rw, mode, anonymous, copy, subpath);
    }
  }

  private final VolumeStore store;
  private final Path containersDir;

  VolumeMounts(VolumeStore store, Path containersDir) {
    this.store = store;
    this.containersDir = containersDir;
  }

  VolumeStore store() {
    return store;
  }

  /** True for a Binds entry that names a volume ("name:/dst") or is anonymous ("/dst"). */
  static boolean isVolume(String raw) {
    return raw.indexOf(':') < 0 || !raw.startsWith("/");
  }

  /** Validates the volume entries of Binds with Docker's rules and messages. */
  static void validate(List<String> binds) {
    if (binds == null) {
      return;
    }
    for (String b : binds) {
      if (isVolume(b)) {
        var mp = new MountParser().parseBind(b, null);
        if (mp.name() != null && !mp.name().isEmpty()) {
          VolumeStore.validateName(mp.name()); // the spec parser's message, without "create x:"
        }
      }
    }
  }

  /**
   * Creates the volumes a new container needs (anonymous ones get generated names), references
   * them for the container and saves the entries. Destinations already given by Binds, Mounts or
   * Tmpfs win over the image's VOLUME entries, as in Docker.
   */
  List<Entry> resolve(String id, HostConfig h, ContainerConfig merged,
      java.util.function.Function<String, String> containerId) {
    List<Entry> out = new ArrayList<>();
    Set<String> taken = new HashSet<>();
    if (h.binds() != null) {
      for (String raw : h.binds()) {
        var mp = new MountParser().parseBind(raw, h.volumeDriver());
        taken.add(mp.destination());
        if (mp.type() != MountType.VOLUME) {
          continue;
        }
        boolean anon = mp.name() == null || mp.name().isEmpty();
        var v = store.create(anon ? null : mp.name(), null, Map.of(), Map.of(), anon);
        out.add(new Entry(v.name(), mp.destination(), mp.rw(), mp.mode(), anon, mp.copyData()));
      }
    }
    if (h.mounts() != null) {
      for (var m : h.mounts()) {
        taken.add(m.target());
        if ("volume".equals(m.type())) {
          boolean anon = m.source() == null || m.source().isEmpty();
          Map<String, Object> vo = m.volumeOptions() == null ? Map.of() : m.volumeOptions();
          boolean noCopy = Boolean.TRUE.equals(vo.get("NoCopy"));
          Map<?, ?> driver = vo.get("DriverConfig") instanceof Map<?, ?> dc ? dc : Map.of();
          String subpath = vo.get("Subpath") instanceof String sp && !sp.isEmpty() ? sp : null;
          // labels and driver options apply only when this mount creates the volume, as in Docker
          var v = store.create(anon ? null : m.source(), driver.get("Name") instanceof String dn ? dn : null,
              strings(vo.get("Labels")), strings(driver.get("Options")), anon);
          // a subpath shares a part of an existing volume: no copy-up into it. Mode "z" is what
          // Docker's inspect shows for a --mount volume (its SELinux relabel default)
          out.add(new Entry(v.name(), m.target(), !Boolean.TRUE.equals(m.readOnly()), "z", anon,
              !noCopy && subpath == null, subpath));
        }
      }
    }
    if (h.volumesFrom() != null) {
      // Docker copies the other container's volumes, read-only with ":ro"; never its anonymous flag,
      // so rm -v of this container leaves them to their owner
      for (String spec : h.volumesFrom()) {
        var vf = new MountParser().parseVolumesFrom(spec);
        for (Entry e : entries(containerId.apply(vf.container()))) {
          if (taken.add(e.destination())) {
            out.add(new Entry(e.name(), e.destination(), e.rw() && !vf.readOnly(), "", false, false, e.subpath()));
          }
        }
      }
    }
    if (h.tmpfs() != null) {
      taken.addAll(h.tmpfs().keySet());
    }
    if (merged.volumes() != null) {
      for (String dst : merged.volumes().keySet()) {
        if (taken.add(dst)) {
          var v = store.create(null, null, Map.of(), Map.of(), true);
          out.add(new Entry(v.name(), dst, true, "", true, true));
        }
      }
    }
    for (Entry e : out) {
      store.reference(e.name(), id);
    }
    save(id, out);
    return out;
  }

  List<Entry> entries(String id) {
    Path f = containersDir.resolve(id).resolve(FILE);
    if (!Files.isRegularFile(f)) {
      return List.of();
    }
    try {
      return Json.MAPPER.readValue(f.toFile(), new TypeReference<List<Entry>>() {});
    } catch (IOException e) {
      throw new Internal("read volume mounts of " + id + ": " + e.getMessage(), e);
    }
  }

  private void save(String id, List<Entry> entries) {
    try {
      Files.createDirectories(containersDir.resolve(id));
      AtomicFiles.write(containersDir.resolve(id).resolve(FILE), Json.MAPPER.writeValueAsBytes(entries));
    } catch (IOException e) {
      throw new Internal("save volume mounts of " + id + ": " + e.getMessage(), e);
    }
  }

  /** inspect's Mounts entries for the container's volumes. */
  List<MountPoint> mountPoints(String id) {
    List<MountPoint> out = new ArrayList<>();
    for (Entry e : entries(id)) {
      String source = store.list(Map.of("name", List.of(e.name()))).stream()
          .filter(v -> v.name().equals(e.name())).map(v -> v.mountpoint()).findFirst().orElse("");
      out.add(new MountPoint("volume", e.name(), source, e.destination(), VolumeStore.LOCAL, e.mode(), e.rw(), ""));
    }
    return out;
  }

  /** Whether some new volume of the container still waits for its copy-up. */
  boolean needsCopyUp(String id) {
    return entries(id).stream().anyMatch(Entry::copyData);
  }

  /**
   * Fills each new, empty volume from the image's directory at its destination (Docker does it
   * at create on Linux), owners and modes kept, once: the entries are saved with copyData off.
   */
  void copyUp(String id, Path rootfs) {
    List<Entry> entries = entries(id);
    if (entries.stream().anyMatch(Entry::copyData)) {
      initMountPoints(rootfs);
    }
    List<Entry> updated = new ArrayList<>();
    for (Entry e : entries) {
      if (e.copyData()) {
        CopyUp.copyIfEmpty(rootfs, e.destination(), Path.of(store.get(e.name()).mountpoint()));
      }
      updated.add(e.withCopyData(false));
    }
    if (!updated.equals(entries)) {
      save(id, updated);
    }
  }

  /**
   * Creates the empty files the engine bind-mounts over (/etc/hostname, hosts, resolv.conf) where
   * the image lacks them, before a copy-up, as Docker's init layer has them: a volume copied from
   * the image's /etc then carries the mount points, so it can be mounted read-only (runc could not
   * create them in a read-only volume). The runtime would create them in the rootfs anyway; diff
   * leaves them out (ContainerChanges.RUNTIME_MOUNT_POINTS).
   */
  static void initMountPoints(Path rootfs) {
    Path etc = rootfs.resolve("etc");
    if (!Files.isDirectory(etc, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    for (String f : List.of("hostname", "hosts", "resolv.conf")) {
      Path p = etc.resolve(f);
      if (Files.notExists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        try {
          Files.createFile(p);
        } catch (IOException e) {
          throw new Internal("create mount point " + p + ": " + e.getMessage(), e);
        }
      }
    }
  }

  /**
   * Mounts each volume for a starting container and returns its OCI bind mounts. An empty
   * volume is first filled from the image's directory (copy-up), once, unless nocopy.
   */
  List<Spec.Mount> specMounts(String id, Path rootfs) {
    List<Spec.Mount> out = new ArrayList<>();
    for (Entry e : entries(id)) {
      String path = store.mount(e.name(), id);
      if (e.subpath() != null) {
        path = subpathSource(path, e.subpath());
      }
      out.add(new Spec.Mount(e.destination(), "bind", path, List.of("rbind", "rprivate", e.rw() ? "rw" : "ro")));
    }
    copyUp(id, rootfs); // a device-backed volume is only filled once mounted
    return out;
  }

  /**
   * The real path of {@code subpath} inside a mounted volume: it must exist and, symlinks followed,
   * stay inside the volume (Docker checks the same at start).
   */
  static String subpathSource(String volumePath, String subpath) {
    Path base;
    Path target;
    try {
      base = Path.of(volumePath).toRealPath();
      target = base.resolve(subpath).toRealPath();
    } catch (java.nio.file.NoSuchFileException e) {
      throw new berth.core.errors.InvalidArgument("cannot access path " + Path.of(volumePath).resolve(subpath)
          + ": lstat " + e.getFile() + ": no such file or directory");
    } catch (IOException e) {
      throw new Internal("volume subpath " + subpath + ": " + e.getMessage(), e);
    }
    if (!target.startsWith(base)) {
      throw new berth.core.errors.InvalidArgument("subpath " + subpath + " resolves outside of the volume");
    }
    return target.toString();
  }

  private static Map<String, String> strings(Object o) {
    Map<String, String> out = new java.util.TreeMap<>();
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    }
    return out;
  }

  /** The spec with the container's volume mounts among SpecBuilder's binds and tmpfs, by depth. */
  Spec withVolumes(Spec spec, String id, Path rootfs) {
    List<Spec.Mount> vm = specMounts(id, rootfs);
    if (vm.isEmpty()) {
      return spec;
    }
    List<Spec.Mount> all = berth.runtime.DockerDefaults.withUserMounts(spec.mounts(), vm);
    return new Spec(spec.ociVersion(), spec.process(), spec.root(), spec.hostname(), spec.domainname(), all,
        spec.hooks(), spec.annotations(), spec.linux());
  }

  /** Ends the container's use of its volumes' mounts (after it stopped). */
  void unmount(String id) {
    for (Entry e : entries(id)) {
      store.unmount(e.name(), id);
    }
  }

  /** Re-registers the container's references (daemon start-up). */
  void reregister(String id) {
    for (Entry e : entries(id)) {
      try {
        store.reference(e.name(), id);
      } catch (RuntimeException ignored) {
        // the volume was removed by force meanwhile: nothing to hold
      }
    }
  }

  /** Drops the container's references at removal; anonymous volumes are removed when asked. */
  void release(String id, boolean removeAnonymous) {
    for (Entry e : entries(id)) {
      store.unmount(e.name(), id);
      store.dereference(e.name(), id);
      if (removeAnonymous && e.anonymous()) {
        try {
          store.remove(e.name(), false);
        } catch (RuntimeException ignored) {
          // still used by another container (volumes-from): Docker keeps it too
        }
      }
    }
  }
}
