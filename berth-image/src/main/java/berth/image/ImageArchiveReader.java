package berth.image;

import berth.content.ContentStore;
import berth.core.Digest;
import berth.core.ImageRef;
import berth.core.Json;
import berth.core.errors.InvalidArgument;
import berth.snapshot.LayerApplier;
import berth.snapshot.archive.RootedPath;
import berth.snapshot.archive.TarExtractor;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a {@code docker save} tar: Docker 25+ (OCI layout with manifest.json into blobs/), Docker
 * 20.10 and older ({@code <id>.json} configs, {@code <layer>/layer.tar}, symlinked duplicates), or
 * a plain OCI layout (index.json only). The tar is unpacked into a private temp dir (contained),
 * each layer is decompressed if needed and stored in the content store verified against the
 * config's DiffID.
 */
final class ImageArchiveReader {
  /** One image found: its config bytes (layers already stored) and its names. */
  record Item(byte[] config, List<ImageRef> tags) {}

  private final ContentStore content;

  ImageArchiveReader(ContentStore content) {
    this.content = content;
  }

  List<Item> read(InputStream tar, Path dir) {
    try {
      TarExtractor.Options opts = new TarExtractor.Options(false, false, 0, 0);
      InputStream plain = LayerApplier.decompressed(new BufferedInputStream(tar, 64 * 1024));
      new TarExtractor(dir, "", opts).extract(new TarArchiveInputStream(plain));
      if (Files.exists(dir.resolve("manifest.json"))) {
        return fromDockerManifest(dir);
      }
      if (Files.exists(dir.resolve("index.json"))) {
        return fromOciIndex(dir);
      }
      throw new InvalidArgument("invalid image archive: no manifest.json or index.json");
    } catch (IOException e) {
      throw new InvalidArgument("load: " + e.getMessage(), e);
    }
  }

  private List<Item> fromDockerManifest(Path dir) throws IOException {
    List<Item> out = new ArrayList<>();
    for (JsonNode m : Json.MAPPER.readTree(dir.resolve("manifest.json").toFile())) {
      byte[] config = Files.readAllBytes(file(dir, m.path("Config").asText()));
      List<String> layers = new ArrayList<>();
      m.path("Layers").forEach(l -> layers.add(l.asText()));
      storeLayers(dir, config, layers);
      List<ImageRef> tags = new ArrayList<>();
      for (JsonNode t : m.path("RepoTags")) {
        tags.add(ImageRef.parseWithDefaultTag(t.asText()));
      }
      out.add(new Item(config, tags));
    }
    return out;
  }

  private List<Item> fromOciIndex(Path dir) throws IOException {
    List<Item> out = new ArrayList<>();
    for (JsonNode d : Json.MAPPER.readTree(dir.resolve("index.json").toFile()).path("manifests")) {
      JsonNode manifest = Json.MAPPER.readTree(file(dir, blob(d.path("digest").asText())).toFile());
      byte[] config = Files.readAllBytes(file(dir, blob(manifest.path("config").path("digest").asText())));
      List<String> layers = new ArrayList<>();
      manifest.path("layers").forEach(l -> layers.add(blob(l.path("digest").asText())));
      storeLayers(dir, config, layers);
      String name = d.path("annotations").path("io.containerd.image.name").asText("");
      out.add(new Item(config, name.isEmpty() ? List.of() : List.of(ImageRef.parseWithDefaultTag(name))));
    }
    return out;
  }

  private void storeLayers(Path dir, byte[] config, List<String> layers) throws IOException {
    List<Digest> diffIds = ConfigCodec.parse(config).diffIds();
    if (diffIds.size() != layers.size()) {
      throw new InvalidArgument("invalid manifest: " + layers.size() + " layers but " + diffIds.size()
          + " diff_ids in the config");
    }
    for (int i = 0; i < layers.size(); i++) {
      if (content.exists(diffIds.get(i))) {
        continue;
      }
      try (InputStream in = Files.newInputStream(file(dir, layers.get(i)))) {
        InputStream plain = LayerApplier.decompressed(new BufferedInputStream(in, 64 * 1024));
        content.write(plain, Optional.of(diffIds.get(i)), -1);
      } catch (InvalidArgument mismatch) {
        throw new InvalidArgument("invalid diffID for layer " + i + ": " + mismatch.getMessage(), mismatch);
      }
    }
  }

  private static String blob(String digest) {
    return "blobs/sha256/" + Digest.parse(digest).hex();
  }

  /** A path named inside the archive, resolved inside it (symlinks included). */
  private static Path file(Path dir, String name) throws IOException {
    Path p = RootedPath.resolve(dir, name, true);
    if (!Files.isRegularFile(p)) {
      throw new InvalidArgument("invalid image archive: " + name + " not found");
    }
    return p;
  }
}
