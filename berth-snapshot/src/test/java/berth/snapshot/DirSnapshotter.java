package berth.snapshot;

import berth.core.errors.Conflict;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** A fake Snapshotter: metadata in memory, one plain directory per snapshot, bind mounts only. */
final class DirSnapshotter implements Snapshotter {
  private final Path root;
  private final Map<String, SnapshotInfo> infos = new ConcurrentHashMap<>();
  private final Map<String, Path> dirs = new ConcurrentHashMap<>();
  private int next;

  DirSnapshotter(Path root) {
    this.root = root;
  }

  @Override
  public synchronized List<Mount> prepare(String key, String parent) {
    return create(key, parent, Kind.ACTIVE);
  }

  @Override
  public synchronized List<Mount> view(String key, String parent) {
    return create(key, parent, Kind.VIEW);
  }

  private List<Mount> create(String key, String parent, Kind kind) {
    if (infos.containsKey(key)) {
      throw new Conflict("snapshot " + key + ": already exists");
    }
    if (parent != null && !infos.containsKey(parent)) {
      throw new NotFound("parent snapshot " + parent + ": not found");
    }
    try {
      dirs.put(key, Files.createDirectories(root.resolve(Integer.toString(next++))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    infos.put(key, new SnapshotInfo(key, parent, kind));
    return mounts(key);
  }

  @Override
  public List<Mount> mounts(String key) {
    SnapshotInfo i = infos.get(key);
    if (i == null) {
      throw new NotFound("snapshot " + key + ": not found");
    }
    return List.of(new Mount("bind", dirs.get(key).toString(), List.of("rbind", i.kind() == Kind.ACTIVE ? "rw" : "ro")));
  }

  @Override
  public synchronized void commit(String name, String key) {
    SnapshotInfo i = infos.get(key);
    if (i == null || i.kind() != Kind.ACTIVE) {
      throw new InvalidArgument("snapshot " + key + " is not active");
    }
    if (infos.containsKey(name)) {
      throw new Conflict("snapshot " + name + ": already exists");
    }
    infos.remove(key);
    dirs.put(name, dirs.remove(key));
    infos.put(name, new SnapshotInfo(name, i.parent(), Kind.COMMITTED));
  }

  @Override
  public synchronized void remove(String keyOrName) {
    if (infos.values().stream().anyMatch(i -> keyOrName.equals(i.parent()))) {
      throw new Conflict("cannot remove snapshot " + keyOrName + ": has children");
    }
    infos.remove(keyOrName);
    dirs.remove(keyOrName);
  }

  @Override
  public Optional<SnapshotInfo> stat(String keyOrName) {
    return Optional.ofNullable(infos.get(keyOrName));
  }

  @Override
  public Path upperDir(String key) {
    return dirs.get(key);
  }

  @Override
  public Usage usage(String keyOrName) {
    try (Stream<Path> s = Files.walk(dirs.get(keyOrName))) {
      long[] acc = new long[2];
      s.forEach(p -> {
        acc[1]++;
        acc[0] += Files.isRegularFile(p) ? p.toFile().length() : 0;
      });
      return new Usage(acc[0], acc[1]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<SnapshotInfo> list() {
    return new ArrayList<>(infos.values());
  }
}
