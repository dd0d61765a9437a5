package berth.engine;

import berth.core.Digest;
import berth.core.errors.NotFound;
import berth.image.Image;
import berth.image.ImageConfig;
import berth.image.ImageStore;
import berth.snapshot.Mount;
import berth.snapshot.Snapshotter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** In-memory image store, directory snapshotter and a mounter that only remembers. */
final class FakeStorage {
  private FakeStorage() {}

  static Image busybox(ImageConfig config) {
    return new Image(Digest.of("busybox".getBytes()), List.of("busybox:latest"), List.of(), null, "", Instant.now(),
        "", "amd64", "linux", config, List.of(Digest.of("layer".getBytes())), List.of(), 1000, "chain1");
  }

  static class Images implements ImageStore {
    final List<Image> images = new ArrayList<>();

    Images(Image... imgs) {
      images.addAll(List.of(imgs));
    }

    @Override
    public Optional<Image> resolve(String ref) {
      String r = ref.contains(":") || ref.startsWith("sha256") ? ref : ref + ":latest";
      return images.stream().filter(i -> i.repoTags().contains(r) || i.id().toString().equals(ref)
          || i.id().hex().startsWith(ref)).findFirst();
    }

    @Override
    public List<Image> list() {
      return images;
    }

    @Override
    public Image importRootfs(InputStream tar, ImageConfig config, String repoTag, String message, Instant created) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Image commit(Path upperDir, Image parent, ImageConfig config, String author, String comment,
        String createdBy, String repoTag) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void tag(Image image, String repoTag) {}

    @Override
    public List<DeleteResult> remove(String reference, boolean force, boolean noPrune, Predicate<Digest> inUse) {
      return List.of();
    }

    @Override
    public void save(List<String> references, OutputStream out) {}

    @Override
    public List<String> load(InputStream tar) {
      return List.of();
    }

    @Override
    public String snapshotParent(Image image) {
      return image.topSnapshot();
    }

    @Override
    public PruneResult prune(boolean all, Predicate<Digest> inUse) {
      return new PruneResult(List.of(), 0);
    }
  }

  /** Each active snapshot is a plain directory; mounts bind it. */
  static final class Snapshots implements Snapshotter {
    final Path root;
    final Map<String, String> parents = new ConcurrentHashMap<>();

    Snapshots(Path root) {
      this.root = root;
      if (Files.isDirectory(root)) {
        try (var l = Files.list(root)) {
          l.forEach(p -> parents.put(p.getFileName().toString(), ""));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    @Override
    public List<Mount> prepare(String key, String parent) {
      try {
        Files.createDirectories(root.resolve(key));
        Files.createDirectories(root.resolve(key).resolve("etc"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      parents.put(key, parent == null ? "" : parent);
      return mounts(key);
    }

    @Override
    public List<Mount> view(String key, String parent) {
      return prepare(key, parent);
    }

    @Override
    public List<Mount> mounts(String key) {
      if (!parents.containsKey(key)) {
        throw new NotFound("snapshot " + key + " does not exist");
      }
      return List.of(new Mount("bind", root.resolve(key).toString(), List.of("rbind", "rw")));
    }

    @Override
    public void commit(String name, String key) {}

    @Override
    public void remove(String keyOrName) {
      parents.remove(keyOrName);
    }

    @Override
    public Optional<SnapshotInfo> stat(String keyOrName) {
      return parents.containsKey(keyOrName) ? Optional.of(new SnapshotInfo(keyOrName, parents.get(keyOrName),
          Kind.ACTIVE)) : Optional.empty();
    }

    @Override
    public Path upperDir(String key) {
      return root.resolve(key);
    }

    @Override
    public Usage usage(String keyOrName) {
      return new Usage(10, 1);
    }
  }

  static final class Mounter implements RootfsMounter {
    final Set<Path> mounted = ConcurrentHashMap.newKeySet();

    @Override
    public void mount(List<Mount> mounts, Path target) {
      mounted.add(target);
    }

    @Override
    public void unmount(Path target) {
      mounted.remove(target);
    }

    @Override
    public boolean isMounted(Path target) {
      return mounted.contains(target);
    }
  }
}
