package berth.build;

import berth.core.Digest;
import berth.core.errors.Internal;
import berth.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The step cache: a step's key (its parent image and the fully resolved step) to the image that
 * step produced, one small file per key under the data root, so it survives daemon restarts.
 * An entry whose image is gone is a miss; nothing else has to be kept consistent.
 */
final class BuildCache {
  private final Path dir;

  BuildCache(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new Internal("create build cache " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The key of a step: sha256 over the parent image id and the step's description. */
  static String key(String parentId, String step) {
    return Digest.of((parentId + "\n" + step).getBytes(StandardCharsets.UTF_8)).hex();
  }

  Optional<String> get(String key) {
    Path f = dir.resolve(key);
    try {
      return Files.exists(f) ? Optional.of(Files.readString(f, StandardCharsets.UTF_8).trim()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  void put(String key, String imageId) {
    try {
      AtomicFiles.write(dir.resolve(key), imageId.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new Internal("write build cache: " + e.getMessage(), e);
    }
  }
}
