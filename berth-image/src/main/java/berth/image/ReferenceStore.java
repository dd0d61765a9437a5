package berth.image;

import berth.core.Digest;
import berth.core.ImageRef;
import berth.core.Json;
import berth.core.errors.Internal;
import berth.core.io.AtomicFiles;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Names to image ids ({@code docker.io/library/busybox:latest -> sha256:...}), persisted
 * atomically to one JSON file on every change. Callers hold the image store's lock.
 */
final class ReferenceStore {
  private final Path file;
  private final Map<String, Digest> refs = new TreeMap<>();

  ReferenceStore(Path file) {
    this.file = file;
    try {
      if (Files.exists(file)) {
        Map<String, String> raw = Json.MAPPER.readValue(file.toFile(), new TypeReference<Map<String, String>>() {});
        raw.forEach((k, v) -> refs.put(k, Digest.parse(v)));
      }
    } catch (IOException e) {
      throw new Internal("read " + file + ": " + e.getMessage(), e);
    }
  }

  Optional<Digest> get(ImageRef ref) {
    return Optional.ofNullable(refs.get(ref.toString()));
  }

  /** Points {@code ref} at {@code id}; returns the id it pointed at before, if another. */
  Optional<Digest> put(ImageRef ref, Digest id) {
    Digest old = refs.put(ref.toString(), id);
    save();
    return Optional.ofNullable(old).filter(o -> !o.equals(id));
  }

  boolean remove(ImageRef ref) {
    boolean had = refs.remove(ref.toString()) != null;
    if (had) {
      save();
    }
    return had;
  }

  /** References to {@code id}, sorted. */
  List<ImageRef> referencesTo(Digest id) {
    List<ImageRef> out = new ArrayList<>();
    refs.forEach((k, v) -> {
      if (v.equals(id)) {
        out.add(ImageRef.parse(k));
      }
    });
    return out;
  }

  /** Tags of one repository (name without tag), e.g. for {@code docker save busybox}. */
  List<ImageRef> tagsOf(ImageRef name) {
    List<ImageRef> out = new ArrayList<>();
    for (String k : refs.keySet()) {
      ImageRef r = ImageRef.parse(k);
      if (r.name().equals(name.name()) && r.isTagged()) {
        out.add(r);
      }
    }
    return out;
  }

  private void save() {
    Map<String, String> raw = new TreeMap<>();
    refs.forEach((k, v) -> raw.put(k, v.toString()));
    try {
      AtomicFiles.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(raw));
    } catch (IOException e) {
      throw new Internal("write " + file + ": " + e.getMessage(), e);
    }
  }
}
