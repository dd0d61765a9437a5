package berth.image;

import berth.content.ContentStore;
import berth.core.Digest;
import berth.core.ImageRef;
import berth.core.Json;
import berth.core.errors.Internal;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import berth.core.io.AtomicFiles;
import berth.snapshot.LayerApplier;
import berth.snapshot.LayerWriter;
import berth.snapshot.Snapshotter;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The image store on a content store and a snapshotter. An image is its config blob (the id is
 * the config's sha256 as stored); each layer is kept as an uncompressed tar blob (its digest is
 * the DiffID, so save and push need no recompression) and unpacked once into a snapshot named by
 * its chain id. Names live in {@code <root>/repositories.json}, per-image facts (the local parent)
 * in {@code <root>/images/<hex>.json}, layer sizes in {@code <root>/layers/}.
 *
 * <pre>{@code
 * ImageStore images = new LocalImageStore(new LocalContentStore(data.resolve("content")),
 *     new OverlaySnapshotter(data.resolve("snapshots")), data.resolve("image"));
 * Image busybox = images.importRootfs(tar, ImageConfig.empty(), "busybox:latest", "", Instant.now());
 * snapshotter.prepare(containerId, images.snapshotParent(busybox));
 * }</pre>
 *
 * <p>One lock guards the metadata; layer blobs are streamed into the content store outside it.
 */
public final class LocalImageStore implements ImageStore {
  private final ContentStore content;
  private final Path root;
  private final Path imagesDir;
  private final Path tmpDir;
  private final LayerUnpacker layers;
  private final ReferenceStore refs;
  private final ReentrantLock lock = new ReentrantLock();
  /** Serialises layer unpacking; taken before {@link #lock} when both are needed, never after. */
  private final ReentrantLock unpackLock = new ReentrantLock();
  private final Map<Digest, Entry> images = new HashMap<>();
  private final ImageResolver resolver;

  /** An image known to the store: its parsed config and local parent. */
  record Entry(ConfigCodec.Parsed config, Digest parent, List<Digest> chain) {}

  /**
   * @param content where configs and layer tars are stored
   * @param snapshots where layers are unpacked
   * @param root this store's metadata directory (created if missing)
   */
  public LocalImageStore(ContentStore content, Snapshotter snapshots, Path root) {
    this.content = content;
    this.root = root;
    this.imagesDir = root.resolve("images");
    this.tmpDir = root.resolve("tmp");
    try {
      Files.createDirectories(imagesDir);
      Files.createDirectories(root.resolve("layers"));
      Files.createDirectories(tmpDir);
      this.layers = new LayerUnpacker(content, snapshots, root.resolve("layers"));
      this.refs = new ReferenceStore(root.resolve("repositories.json"));
      this.resolver = new ImageResolver(images.keySet(), refs);
      loadImages();
      removeInterruptedUnpacks(snapshots);
    } catch (IOException e) {
      throw new Internal("open image store " + root + ": " + e.getMessage(), e);
    }
  }

  private void loadImages() throws IOException {
    try (Stream<Path> s = Files.list(imagesDir)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".json")).toList()) {
        Digest id = Digest.ofHex(f.getFileName().toString().replace(".json", ""));
        if (!content.exists(id)) {
          continue;
        }
        String parent = Json.MAPPER.readTree(f.toFile()).path("parent").asText("");
        ConfigCodec.Parsed p = ConfigCodec.parse(readBlob(id));
        images.put(id, new Entry(p, parent.isEmpty() ? null : Digest.parse(parent),
            ConfigCodec.chainIds(p.diffIds())));
      }
    }
  }

  /** An unpack cut short by a crash leaves an active "extract-" snapshot; it holds nothing of value. */
  private static void removeInterruptedUnpacks(Snapshotter snapshots) {
    for (Snapshotter.SnapshotInfo info : snapshots.list()) {
      if (info.kind() == Snapshotter.Kind.ACTIVE && info.name().startsWith(LayerUnpacker.KEY_PREFIX)) {
        snapshots.remove(info.name());
      }
    }
  }

  @Override
  public Optional<Image> resolve(String reference) {
    lock.lock();
    try {
      return resolver.resolveId(reference).map(this::toImage);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public List<Image> list() {
    lock.lock();
    try {
      return images.keySet().stream().sorted().map(this::toImage)
          .sorted(Comparator.comparing(Image::created, Comparator.nullsLast(Comparator.reverseOrder()))).toList();
    } finally {
      lock.unlock();
    }
  }

  private Image toImage(Digest id) {
    Entry e = images.get(id);
    ConfigCodec.Parsed p = e.config();
    List<String> tags = new ArrayList<>();
    List<String> digests = new ArrayList<>();
    for (ImageRef r : refs.referencesTo(id)) {
      (r.isDigested() ? digests : tags).add(r.familiarString());
    }
    long size = e.chain().stream().mapToLong(layers::size).sum();
    var root = p.root();
    return new Image(id, tags, digests, e.parent() == null ? "" : e.parent().toString(),
        root.path("comment").asText(""), p.created(), root.path("author").asText(""),
        root.path("architecture").asText(""), root.path("os").asText(""), p.config(), p.diffIds(), p.history(),
        size, e.chain().isEmpty() ? null : e.chain().getLast().toString());
  }

  @Override
  public Image importRootfs(InputStream tar, ImageConfig config, String repoTag, String message, Instant created) {
    Digest diffId;
    try {
      InputStream plain = LayerApplier.decompressed(new BufferedInputStream(tar, 64 * 1024));
      diffId = content.write(plain, Optional.empty(), -1);
    } catch (IOException e) {
      throw new Internal("import: " + e.getMessage(), e);
    }
    byte[] cfg = ConfigCodec.build(null, config, diffId, created, null, message, null);
    return register(cfg, null, repoTag);
  }

  @Override
  public Image commit(Path upperDir, Image parent, ImageConfig config, String author, String comment,
      String createdBy, String repoTag) {
    Digest diffId;
    Path tmp = null;
    try {
      tmp = Files.createTempFile(tmpDir, "layer-", ".tar");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        new LayerWriter().write(upperDir, out);
      }
      try (InputStream in = Files.newInputStream(tmp)) {
        diffId = content.write(in, Optional.empty(), -1);
      }
    } catch (IOException e) {
      throw new Internal("commit: " + e.getMessage(), e);
    } finally {
      deleteQuietly(tmp);
    }
    ConfigCodec.Parsed base = null;
    if (parent != null) {
      lock.lock();
      try {
        Entry e = images.get(parent.id());
        if (e == null) {
          throw NotFound.image(parent.id().toString());
        }
        base = e.config();
      } finally {
        lock.unlock();
      }
    }
    byte[] cfg = ConfigCodec.build(base, config, diffId, Instant.now(), author, comment, createdBy);
    return register(cfg, parent == null ? null : parent.id(), repoTag);
  }

  @Override
  public Image create(byte[] config, Image parent, String repoTag) {
    return register(config, parent == null ? null : parent.id(), repoTag);
  }

  /** Stores a config whose layers are in the content store, unpacks them, names it. */
  Image register(byte[] cfg, Digest parent, String repoTag) {
    ConfigCodec.Parsed parsed = ConfigCodec.parse(cfg);
    Digest id = content.write(cfg);
    List<Digest> chain;
    // Unpacking can take long; it has its own lock so lookups go on meanwhile.
    unpackLock.lock();
    try {
      chain = layers.unpack(parsed.diffIds());
    } finally {
      unpackLock.unlock();
    }
    lock.lock();
    try {
      if (!images.containsKey(id)) {
        Map<String, String> meta = new HashMap<>();
        meta.put("parent", parent == null ? "" : parent.toString());
        AtomicFiles.write(imagesDir.resolve(id.hex() + ".json"), Json.MAPPER.writeValueAsBytes(meta));
        images.put(id, new Entry(parsed, parent, chain));
      }
      if (repoTag != null && !repoTag.isEmpty()) {
        tagLocked(id, repoTag);
      }
      return toImage(id);
    } catch (IOException e) {
      throw new Internal("register image " + id + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean adoptLayer(String activeKey, String parentChain, Digest diffId, long size) {
    unpackLock.lock();
    try {
      return layers.adopt(activeKey, parentChain, diffId, size);
    } finally {
      unpackLock.unlock();
    }
  }

  @Override
  public void tag(Image image, String repoTag) {
    lock.lock();
    try {
      if (!images.containsKey(image.id())) {
        throw NotFound.image(image.id().toString());
      }
      tagLocked(image.id(), repoTag);
    } finally {
      lock.unlock();
    }
  }

  private void tagLocked(Digest id, String repoTag) {
    ImageRef ref = ImageRef.parseWithDefaultTag(repoTag);
    if (ref.isDigested()) {
      throw new InvalidArgument("refusing to create a tag with a digest reference");
    }
    refs.put(ref, id);
  }

  @Override
  public List<DeleteResult> remove(String reference, boolean force, boolean noPrune, Predicate<Digest> inUse) {
    return untagOrDelete(reference, force, noPrune,
        d -> inUse.test(d) ? Optional.of(new ImageUser("", false)) : Optional.<ImageUser>empty());
  }

  @Override
  public List<DeleteResult> untagOrDelete(String reference, boolean force, boolean noPrune,
      Function<Digest, Optional<ImageUser>> usedBy) {
    unpackLock.lock(); // deleting layers must not race an unpack that found them present
    lock.lock();
    try {
      return new ImageDeleter(this, usedBy).delete(reference, force, !noPrune);
    } finally {
      lock.unlock();
      unpackLock.unlock();
    }
  }

  @Override
  public PruneResult prune(boolean all, Predicate<Digest> inUse) {
    unpackLock.lock();
    lock.lock();
    try {
      return new ImageDeleter(this, d -> inUse.test(d) ? Optional.of(new ImageUser("", false)) : Optional.empty())
          .prune(all);
    } finally {
      lock.unlock();
      unpackLock.unlock();
    }
  }

  @Override
  public void save(List<String> references, OutputStream out) {
    List<ImageArchiveWriter.Item> items = new ArrayList<>();
    lock.lock();
    try {
      for (String r : references) {
        items.addAll(saveItems(r));
      }
    } finally {
      lock.unlock();
    }
    new ImageArchiveWriter(content).write(items, out);
  }

  private List<ImageArchiveWriter.Item> saveItems(String reference) {
    Optional<ImageRef> repo = ImageResolver.repositoryOnly(reference);
    if (repo.isPresent() && !refs.tagsOf(repo.get()).isEmpty()) {
      // `docker save busybox` saves every tag of the repository
      List<ImageArchiveWriter.Item> out = new ArrayList<>();
      for (ImageRef t : refs.tagsOf(repo.get())) {
        Digest tid = refs.get(t).orElseThrow();
        out.add(new ImageArchiveWriter.Item(tid, readBlob(tid), images.get(tid).config().diffIds(), List.of(t)));
      }
      return out;
    }
    Digest id = resolver.resolveId(reference).orElseThrow(() -> ImageDeleter.notFound(reference));
    List<ImageRef> tags = new ArrayList<>();
    if (!isIdReference(reference, id)) {
      ImageRef ref = ImageRef.parse(reference);
      tags = ref.isTagged() || ref.isDigested() ? List.of(ref.withDefaultTag()) : refs.tagsOf(ref);
    }
    List<ImageArchiveWriter.Item> out = new ArrayList<>();
    if (tags.isEmpty()) {
      out.add(new ImageArchiveWriter.Item(id, readBlob(id), images.get(id).config().diffIds(), List.of()));
    }
    for (ImageRef t : tags) {
      Digest tid = refs.get(t).orElse(id);
      out.add(new ImageArchiveWriter.Item(tid, readBlob(tid), images.get(tid).config().diffIds(), List.of(t)));
    }
    return out;
  }

  @Override
  public List<String> load(InputStream tar) {
    Path dir;
    try {
      dir = Files.createTempDirectory(tmpDir, "load-");
    } catch (IOException e) {
      throw new Internal("load: " + e.getMessage(), e);
    }
    try {
      List<String> loaded = new ArrayList<>();
      for (ImageArchiveReader.Item item : new ImageArchiveReader(content).read(tar, dir)) {
        Image img = register(item.config(), null, null);
        if (item.tags().isEmpty()) {
          loaded.add(img.id().toString());
        }
        for (ImageRef t : item.tags()) {
          tag(img, t.toString());
          loaded.add(t.familiarString());
        }
      }
      return loaded;
    } finally {
      try {
        berth.snapshot.archive.FileTrees.deleteRecursively(dir);
      } catch (IOException ignored) {
        // a leftover temp dir is harmless
      }
    }
  }

  @Override
  public String snapshotParent(Image image) {
    return image.topSnapshot();
  }

  // ---- package-private access for ImageDeleter (lock held) ----

  Map<Digest, Entry> images() {
    return images;
  }

  ReferenceStore refs() {
    return refs;
  }

  LayerUnpacker layers() {
    return layers;
  }

  Optional<Digest> resolveIdLocked(String reference) {
    return resolver.resolveId(reference);
  }

  boolean isIdReference(String reference, Digest id) {
    return resolver.isIdReference(reference, id);
  }

  /** Forgets image {@code id}: metadata, unused layer snapshots and blobs. Returns freed bytes. */
  long deleteLocked(Digest id, List<DeleteResult> records) {
    Entry gone = images.remove(id);
    deleteQuietly(imagesDir.resolve(id.hex() + ".json"));
    records.add(new DeleteResult(null, id.toString()));
    Set<Digest> usedChains = new HashSet<>();
    Set<Digest> usedBlobs = new HashSet<>();
    for (Map.Entry<Digest, Entry> e : images.entrySet()) {
      usedChains.addAll(e.getValue().chain());
      usedBlobs.addAll(e.getValue().config().diffIds());
      usedBlobs.add(e.getKey());
    }
    long freed = 0;
    for (int i = gone.chain().size() - 1; i >= 0; i--) {
      Digest c = gone.chain().get(i);
      if (usedChains.contains(c)) {
        break;
      }
      long size = layers.size(c);
      if (!layers.remove(c)) {
        break; // a container's snapshot still sits on this layer
      }
      freed += size;
      records.add(new DeleteResult(null, c.toString()));
    }
    if (!usedBlobs.contains(id)) {
      content.delete(id);
    }
    for (Digest d : gone.config().diffIds()) {
      if (!usedBlobs.contains(d)) {
        content.delete(d);
      }
    }
    return freed;
  }

  private byte[] readBlob(Digest d) {
    try (InputStream in = content.open(d)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new Internal("read blob " + d + ": " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // temp files are re-created under unique names
      }
    }
  }
}
