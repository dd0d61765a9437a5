package berth.registry.gc;

import berth.core.Digest;
import berth.core.Json;
import berth.registry.api.Storage;
import berth.registry.spec.MediaTypes;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Mark and sweep, as distribution's {@code garbage-collect}: mark every manifest a repository
 * holds and every config, layer and child manifest it names; sweep every other blob, then drop
 * repository layer links to swept blobs.
 *
 * <p>Not safe against concurrent pushes: a blob uploaded before its manifest is unreferenced
 * until the manifest arrives, and would be swept. Run it with the server stopped or in read-only
 * mode ({@code readonly: true}), as distribution requires.
 */
public final class GarbageCollector {
  private static final Logger LOG = Logger.getLogger(GarbageCollector.class.getName());

  /** What one run found and did. */
  public record Result(int marked, int swept, long bytesFreed, int linksRemoved) {}

  private final Storage storage;

  public GarbageCollector(Storage storage) {
    this.storage = storage;
  }

  public Result run(boolean dryRun) throws IOException {
    Set<Digest> marked = mark();
    int swept = 0;
    long bytes = 0;
    for (Digest d : storage.blobs().all()) {
      if (!marked.contains(d)) {
        bytes += storage.blobs().size(d).orElse(0);
        swept++;
        if (!dryRun) {
          storage.blobs().delete(d);
        }
        LOG.fine(() -> (dryRun ? "would delete " : "deleted ") + d);
      }
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
    return new Result(marked.size(), swept, bytes, links);
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
