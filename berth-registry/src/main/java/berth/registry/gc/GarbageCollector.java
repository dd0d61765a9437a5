package berth.registry.gc;

import berth.core.Digest;
import berth.core.Json;
import berth.registry.api.Storage;
import berth.registry.spec.MediaTypes;
import berth.registry.storage.StorageLock;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Mark and sweep, safe while the server runs. Mark every manifest a repository holds and every
 * config, layer and child manifest it names; sweep every other blob, then drop repository links
 * to swept blobs. Two things keep it from taking what a push is about to use:
 * <ul>
 *   <li>the {@link StorageLock}, held exclusive for the whole run: the server's commits, mounts
 *       and manifest puts wait, so nothing becomes referenced between mark and sweep;</li>
 *   <li>a grace period: a blob committed, linked, mounted or found by a HEAD within {@code grace}
 *       is kept even if no manifest names it yet (a push uploads its layers before its manifest).</li>
 * </ul>
 * A push whose manifest arrives more than {@code grace} after its layers may find them gone and
 * get MANIFEST_BLOB_UNKNOWN; it is refused, never half stored.
 */
public final class GarbageCollector {
  private static final Logger LOG = Logger.getLogger(GarbageCollector.class.getName());

  /** What one run found and did. */
  public record Result(int marked, int swept, long bytesFreed, int linksRemoved, int keptYoung) {}

  private final Storage storage;
  private final Duration grace;
  private final Duration wait;

  public GarbageCollector(Storage storage, Duration grace, Duration wait) {
    this.storage = storage;
    this.grace = grace;
    this.wait = wait;
  }

  public Result run(boolean dryRun) throws IOException {
    try (AutoCloseable held = StorageLock.exclusive(storage.root(), wait)) {
      return runLocked(dryRun);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("releasing the storage lock", e);
    }
  }

  private Result runLocked(boolean dryRun) throws IOException {
    long youngSince = System.currentTimeMillis() - grace.toMillis();
    Set<Digest> marked = mark();
    Map<Digest, Long> lastLinked = lastLinked();
    int swept = 0;
    int young = 0;
    long bytes = 0;
    for (Digest d : storage.blobs().all()) {
      if (marked.contains(d)) {
        continue;
      }
      long committed = Files.getLastModifiedTime(storage.blobs().path(d)).toMillis();
      if (committed >= youngSince || lastLinked.getOrDefault(d, 0L) >= youngSince) {
        young++;
        continue;
      }
      bytes += storage.blobs().size(d).orElse(0);
      swept++;
      if (!dryRun) {
        storage.blobs().delete(d);
      }
      LOG.fine(() -> (dryRun ? "would delete " : "deleted ") + d);
    }
    int links = 0;
    if (!dryRun) {
      for (String repo : storage.repos().repositories()) {
        for (Digest d : storage.repos().layers(repo)) {
          if (!storage.blobs().exists(d) && storage.repos().unlinkLayer(repo, d)) {
            links++;
          }
        }
      }
    }
    return new Result(marked.size(), swept, bytes, links, young);
  }

  /** The newest time each blob was linked into any repository. */
  private Map<Digest, Long> lastLinked() throws IOException {
    Map<Digest, Long> out = new HashMap<>();
    for (String repo : storage.repos().repositories()) {
      for (Digest d : storage.repos().layers(repo)) {
        out.merge(d, storage.repos().layerLinkTime(repo, d), Math::max);
      }
    }
    return out;
  }

  private Set<Digest> mark() throws IOException {
    Set<Digest> marked = new HashSet<>();
    for (String repo : storage.repos().repositories()) {
      for (Digest m : storage.repos().manifests(repo)) {
        marked.add(m);
        String mt = storage.repos().manifestMediaType(repo, m).orElse("");
        JsonNode n;
        try {
          n = Json.MAPPER.readTree(storage.blobs().read(m));
        } catch (java.nio.file.NoSuchFileException e) {
          continue;
        }
        if (MediaTypes.IMAGES.contains(mt)) {
          add(marked, n.path("config"));
          n.path("layers").forEach(l -> add(marked, l));
        } else {
          n.path("manifests").forEach(c -> add(marked, c));
        }
      }
    }
    return marked;
  }

  private static void add(Set<Digest> marked, JsonNode descriptor) {
    String d = descriptor.path("digest").asText(null);
    if (Digest.isDigest(d)) {
      marked.add(Digest.parse(d));
    }
  }
}
