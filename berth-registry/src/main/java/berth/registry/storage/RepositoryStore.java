package berth.registry.storage;

import berth.core.Digest;
import berth.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What each repository holds, as small link files under {@code repositories/<name>/}:
 * <pre>
 * _layers/&lt;hex&gt;                      blob linked into the repository (empty file)
 * _manifests/revisions/&lt;hex&gt;          manifest in the repository; content: its media type
 * _manifests/tags/&lt;tag&gt;               content: the tagged manifest's digest
 * _referrers/&lt;subject hex&gt;/&lt;hex&gt;     content: the referrer's descriptor (JSON)
 * </pre>
 * The content itself lives once in the {@link BlobStore}. Every write is atomic.
 */
public final class RepositoryStore {
  private final Path root;

  public RepositoryStore(Path storageRoot) throws IOException {
    this.root = storageRoot.resolve("repositories");
    Files.createDirectories(root);
  }

  private Path repo(String name) {
    return root.resolve(name);
  }

  public boolean exists(String name) {
    return Files.isDirectory(repo(name).resolve("_manifests")) || Files.isDirectory(repo(name).resolve("_layers"));
  }

  // ---- layers

  /**
   * Links {@code d} into {@code name}; an existing link has its time renewed, which is what gc's
   * grace period counts from.
   */
  public void linkLayer(String name, Digest d) throws IOException {
    Path p = repo(name).resolve("_layers").resolve(d.hex());
    if (Files.exists(p)) {
      touch(p);
    } else {
      AtomicFiles.write(p, new byte[0]);
    }
  }

  /** Renews a link's time when it is older than a minute (a client that found the blob there). */
  public void touchLayer(String name, Digest d) {
    Path p = repo(name).resolve("_layers").resolve(d.hex());
    try {
      if (Files.getLastModifiedTime(p).toMillis() < System.currentTimeMillis() - 60_000) {
        touch(p);
      }
    } catch (IOException e) {
      // best effort: only gc's grace period depends on it
    }
  }

  private static void touch(Path p) throws IOException {
    Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
  }

  /** When {@code d} was last linked into {@code name}, or 0 when it is not. */
  public long layerLinkTime(String name, Digest d) {
    try {
      return Files.getLastModifiedTime(repo(name).resolve("_layers").resolve(d.hex())).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  public boolean hasLayer(String name, Digest d) {
    return Files.exists(repo(name).resolve("_layers").resolve(d.hex()));
  }

  public boolean unlinkLayer(String name, Digest d) throws IOException {
    return Files.deleteIfExists(repo(name).resolve("_layers").resolve(d.hex()));
  }

  // ---- manifests

  public void putManifest(String name, Digest d, String mediaType) throws IOException {
    AtomicFiles.write(revision(name, d), mediaType.getBytes(StandardCharsets.UTF_8));
  }

  /** The stored manifest's media type, or empty when {@code d} is not a manifest of {@code name}. */
  public Optional<String> manifestMediaType(String name, Digest d) {
    try {
      return Optional.of(Files.readString(revision(name, d), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Removes the manifest, every tag naming it and its referrer entry; false when it was not there. */
  public boolean deleteManifest(String name, Digest d) throws IOException {
    if (!Files.deleteIfExists(revision(name, d))) {
      return false;
    }
    for (String t : tags(name)) {
      if (resolveTag(name, t).filter(d::equals).isPresent()) {
        Files.deleteIfExists(tagPath(name, t));
      }
    }
    Path refs = repo(name).resolve("_referrers");
    if (Files.isDirectory(refs)) {
      try (Stream<Path> s = Files.list(refs)) {
        for (Path subject : s.toList()) {
          Files.deleteIfExists(subject.resolve(d.hex()));
        }
      }
    }
    return true;
  }

  public List<Digest> manifests(String name) throws IOException {
    return hexFiles(repo(name).resolve("_manifests").resolve("revisions"));
  }

  public List<Digest> layers(String name) throws IOException {
    return hexFiles(repo(name).resolve("_layers"));
  }

  private Path revision(String name, Digest d) {
    return repo(name).resolve("_manifests").resolve("revisions").resolve(d.hex());
  }

  // ---- tags

  public void tag(String name, String tag, Digest d) throws IOException {
    AtomicFiles.write(tagPath(name, tag), d.toString().getBytes(StandardCharsets.UTF_8));
  }

  public Optional<Digest> resolveTag(String name, String tag) {
    try {
      return Optional.of(Digest.parse(Files.readString(tagPath(name, tag), StandardCharsets.UTF_8).trim()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  public boolean untag(String name, String tag) throws IOException {
    return Files.deleteIfExists(tagPath(name, tag));
  }

  /** Tags in lexical order (the spec's order for pagination). */
  public List<String> tags(String name) throws IOException {
    Path dir = repo(name).resolve("_manifests").resolve("tags");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(f -> !f.startsWith(".")).sorted().toList();
    }
  }

  private Path tagPath(String name, String tag) {
    return repo(name).resolve("_manifests").resolve("tags").resolve(tag);
  }

  // ---- referrers

  public void addReferrer(String name, Digest subject, Digest referrer, byte[] descriptor) throws IOException {
    AtomicFiles.write(repo(name).resolve("_referrers").resolve(subject.hex()).resolve(referrer.hex()), descriptor);
  }

  /** The descriptors (JSON) of the manifests whose subject is {@code subject}, by digest order. */
  public List<byte[]> referrers(String name, Digest subject) throws IOException {
    Path dir = repo(name).resolve("_referrers").resolve(subject.hex());
    List<byte[]> out = new ArrayList<>();
    for (Digest d : hexFiles(dir)) {
      try {
        out.add(Files.readAllBytes(dir.resolve(d.hex())));
      } catch (NoSuchFileException e) {
        // deleted meanwhile
      }
    }
    return out;
  }

  // ---- catalog

  /**
   * Every repository name, in lexical order: the directories holding {@code _manifests} or
   * {@code _layers}. The walk never descends into those link directories, so it costs one visit
   * per repository, not one per blob.
   */
  public List<String> repositories() throws IOException {
    List<String> out = new ArrayList<>();
    Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
      @Override
      public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes a) {
        String n = dir.getFileName().toString();
        if (!dir.equals(root) && n.startsWith("_")) {
          if (n.equals("_manifests") || n.equals("_layers")) {
            String repo = root.relativize(dir.getParent()).toString();
            if (out.isEmpty() || !out.getLast().equals(repo)) {
              out.add(repo);
            }
          }
          return java.nio.file.FileVisitResult.SKIP_SUBTREE;
        }
        return java.nio.file.FileVisitResult.CONTINUE;
      }
    });
    return out.stream().distinct().sorted().toList();
  }

  private static List<Digest> hexFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(f -> Digest.isDigest("sha256:" + f))
          .map(Digest::ofHex)
          .sorted()
          .toList();
    }
  }
}
