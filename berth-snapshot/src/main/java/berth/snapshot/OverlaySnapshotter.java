package berth.snapshot;

import berth.core.Json;
import berth.core.errors.Conflict;
import berth.core.errors.Internal;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import berth.core.io.AtomicFiles;
import berth.snapshot.archive.FileTrees;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Snapshots on overlayfs, in the manner of containerd's overlay snapshotter. Each snapshot owns
 * {@code <root>/<id>/fs} (its layer; the upper dir while active) and {@code <root>/<id>/work}
 * (overlay's work dir), where {@code id} is a short number so that mount options stay short.
 * Keys, names, parents and ids live in {@code <root>/metadata.json}, rewritten atomically on every
 * change; directories are created before and deleted after the metadata names them, so a crash
 * leaves at worst an orphan directory, removed at the next start.
 *
 * <p>Mounts: an active snapshot without parent is a bind mount of its fs dir; with parents, an
 * overlay {@code lowerdir=<parent fs>:...,upperdir=<fs>,workdir=<work>}. A view of one committed
 * layer is a read-only bind mount of it, a view of more a lowerdir-only overlay.
 *
 * <p>Limit: mount(2) takes at most one page (4096 bytes) of options. With the default data root
 * ({@code /var/lib/berth/snapshots}, about 32 bytes per layer) that allows about 120 layers,
 * roughly Docker's own 125; deeper chains are refused with a clear error rather than a failed
 * mount. (Docker avoids the limit with relative paths after chdir, which a JVM cannot do per thread.)
 */
public final class OverlaySnapshotter implements Snapshotter {
  /** mount(2) copies at most one page of data, NUL included. */
  static final int MAX_MOUNT_DATA = 4095;

  private final Path root;
  private final Path metadataFile;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Entry> snapshots = new TreeMap<>();
  private long nextId;

  /** Persisted state: every snapshot by key (active/view) or name (committed). */
  record Metadata(@JsonProperty("nextId") long nextId, @JsonProperty("snapshots") Map<String, Entry> snapshots) {}

  /** One snapshot. */
  record Entry(@JsonProperty("id") long id, @JsonProperty("kind") Kind kind,
      @JsonProperty("parent") String parent, @JsonProperty("created") String created) {}

  /** Opens (creating if needed) the snapshotter at {@code root}; removes orphan directories. */
  public OverlaySnapshotter(Path root) {
    this.root = root;
    this.metadataFile = root.resolve("metadata.json");
    try {
      Files.createDirectories(root);
      Metadata m = Files.exists(metadataFile)
          ? Json.MAPPER.readValue(metadataFile.toFile(), Metadata.class) : new Metadata(1, Map.of());
      this.nextId = m.nextId();
      this.snapshots.putAll(m.snapshots());
      removeOrphans();
    } catch (IOException e) {
      throw new Internal("open snapshotter " + root + ": " + e.getMessage(), e);
    }
  }

  private void removeOrphans() throws IOException {
    Set<String> known = new HashSet<>();
    snapshots.values().forEach(e -> known.add(Long.toString(e.id())));
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path d : dirs.toList()) {
        String n = d.getFileName().toString();
        if (n.chars().allMatch(Character::isDigit) && !known.contains(n)) {
          FileTrees.deleteRecursively(d);
        }
      }
    }
  }

  @Override
  public List<Mount> prepare(String key, String parent) {
    return create(key, parent, Kind.ACTIVE);
  }

  @Override
  public List<Mount> view(String key, String parent) {
    return create(key, parent, Kind.VIEW);
  }

  private List<Mount> create(String key, String parent, Kind kind) {
    lock.lock();
    try {
      if (key == null || key.isEmpty()) {
        throw new InvalidArgument("snapshot key must not be empty");
      }
      if (snapshots.containsKey(key)) {
        throw new Conflict("snapshot " + key + ": already exists");
      }
      if (parent != null) {
        Entry p = snapshots.get(parent);
        if (p == null) {
          throw new NotFound("parent snapshot " + parent + ": not found");
        }
        if (p.kind() != Kind.COMMITTED) {
          throw new InvalidArgument("parent snapshot " + parent + " is not committed");
        }
      }
      long id = nextId;
      Path dir = root.resolve(Long.toString(id));
      Files.createDirectories(dir.resolve("fs"));
      if (kind == Kind.ACTIVE) {
        Files.createDirectories(dir.resolve("work"));
      }
      Entry e = new Entry(id, kind, parent, Instant.now().toString());
      Map<String, Entry> next = new TreeMap<>(snapshots);
      next.put(key, e);
      snapshots.put(key, e);
      List<Mount> mounts;
      try {
        mounts = mountsLocked(key); // refuses chains too deep to mount before anything is saved
      } catch (RuntimeException refused) {
        snapshots.remove(key);
        FileTrees.deleteRecursively(dir);
        throw refused;
      }
      save(id + 1, next);
      return mounts;
    } catch (IOException e) {
      throw new Internal("prepare snapshot " + key + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<Mount> mounts(String key) {
    lock.lock();
    try {
      return mountsLocked(key);
    } finally {
      lock.unlock();
    }
  }

  private List<Mount> mountsLocked(String key) {
    Entry e = get(key);
    List<String> lowers = e.kind() == Kind.COMMITTED ? chain(key) : chain(e.parent());
    Path dir = root.resolve(Long.toString(e.id()));
    if (e.kind() == Kind.ACTIVE) {
      if (lowers.isEmpty()) {
        return List.of(new Mount("bind", dir.resolve("fs").toString(), List.of("rbind", "rw")));
      }
      return List.of(overlay(List.of("lowerdir=" + String.join(":", lowers),
          "upperdir=" + dir.resolve("fs"), "workdir=" + dir.resolve("work"))));
    }
    if (lowers.isEmpty()) {
      return List.of(new Mount("bind", dir.resolve("fs").toString(), List.of("rbind", "ro")));
    }
    if (lowers.size() == 1) {
      return List.of(new Mount("bind", lowers.getFirst(), List.of("rbind", "ro")));
    }
    return List.of(overlay(List.of("lowerdir=" + String.join(":", lowers))));
  }

  private static Mount overlay(List<String> options) {
    int len = String.join(",", options).length();
    if (len > MAX_MOUNT_DATA) {
      throw new InvalidArgument("too many layers: overlay mount options are " + len
          + " bytes, over the kernel's limit of " + MAX_MOUNT_DATA);
    }
    return new Mount("overlay", "overlay", options);
  }

  /** fs dirs of {@code name} and its ancestors, nearest first (overlay's lowerdir order). */
  private List<String> chain(String name) {
    List<String> out = new ArrayList<>();
    for (String n = name; n != null; n = get(n).parent()) {
      out.add(root.resolve(Long.toString(get(n).id())).resolve("fs").toString());
    }
    return out;
  }

  @Override
  public void commit(String name, String key) {
    lock.lock();
    try {
      Entry e = get(key);
      if (e.kind() != Kind.ACTIVE) {
        throw new InvalidArgument("snapshot " + key + " is not active");
      }
      if (snapshots.containsKey(name)) {
        throw new Conflict("snapshot " + name + ": already exists");
      }
      Map<String, Entry> next = new TreeMap<>(snapshots);
      next.remove(key);
      next.put(name, new Entry(e.id(), Kind.COMMITTED, e.parent(), Instant.now().toString()));
      save(nextId, next);
      FileTrees.deleteRecursively(root.resolve(Long.toString(e.id())).resolve("work"));
    } catch (IOException ex) {
      throw new Internal("commit snapshot " + key + " as " + name + ": " + ex.getMessage(), ex);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void remove(String keyOrName) {
    lock.lock();
    try {
      Entry e = snapshots.get(keyOrName);
      if (e == null) {
        return;
      }
      for (Map.Entry<String, Entry> other : snapshots.entrySet()) {
        if (keyOrName.equals(other.getValue().parent())) {
          throw new Conflict("cannot remove snapshot " + keyOrName + ": snapshot " + other.getKey() + " depends on it");
        }
      }
      Map<String, Entry> next = new TreeMap<>(snapshots);
      next.remove(keyOrName);
      save(nextId, next);
      FileTrees.deleteRecursively(root.resolve(Long.toString(e.id())));
    } catch (IOException ex) {
      throw new Internal("remove snapshot " + keyOrName + ": " + ex.getMessage(), ex);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Optional<SnapshotInfo> stat(String keyOrName) {
    lock.lock();
    try {
      Entry e = snapshots.get(keyOrName);
      return e == null ? Optional.empty() : Optional.of(new SnapshotInfo(keyOrName, e.parent(), e.kind()));
    } finally {
      lock.unlock();
    }
  }

  /** Every snapshot, by key or name. */
  @Override
  public List<SnapshotInfo> list() {
    lock.lock();
    try {
      List<SnapshotInfo> out = new ArrayList<>();
      snapshots.forEach((k, e) -> out.add(new SnapshotInfo(k, e.parent(), e.kind())));
      return out;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Path upperDir(String key) {
    return fsDir(key);
  }

  /** The directory holding this snapshot's own layer (upper dir while active). */
  public Path fsDir(String keyOrName) {
    lock.lock();
    try {
      return root.resolve(Long.toString(get(keyOrName).id())).resolve("fs");
    } finally {
      lock.unlock();
    }
  }

  /** The fs dirs below {@code keyOrName} (its parent chain, nearest first): Changes' lower dirs. */
  public List<Path> lowerDirs(String keyOrName) {
    lock.lock();
    try {
      return chain(get(keyOrName).parent()).stream().map(Path::of).toList();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Usage usage(String keyOrName) {
    Path fs = fsDir(keyOrName);
    long[] acc = new long[2];
    Set<Object> inodes = new HashSet<>();
    try (Stream<Path> s = Files.walk(fs)) {
      s.forEach(p -> {
        try {
          Map<String, Object> st = Files.readAttributes(p, "unix:size,nlink,ino,dev,mode", LinkOption.NOFOLLOW_LINKS);
          if (inodes.add(List.of(st.get("dev"), st.get("ino")))) {
            acc[1]++;
            if (((int) st.get("mode") & 0170000) == 0100000) {
              acc[0] += (long) st.get("size");
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      throw new Internal("usage of snapshot " + keyOrName + ": " + e.getMessage(), e);
    }
    return new Usage(acc[0], acc[1]);
  }

  private Entry get(String keyOrName) {
    Entry e = keyOrName == null ? null : snapshots.get(keyOrName);
    if (e == null) {
      throw new NotFound("snapshot " + keyOrName + ": not found");
    }
    return e;
  }

  private void save(long nextId, Map<String, Entry> snapshots) throws IOException {
    Metadata m = new Metadata(nextId, snapshots);
    AtomicFiles.write(metadataFile, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
    this.snapshots.clear();
    this.snapshots.putAll(snapshots);
    this.nextId = nextId;
  }
}
