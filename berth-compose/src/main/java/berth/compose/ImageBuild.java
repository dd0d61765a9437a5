package berth.compose;

import berth.client.BerthClient;
import berth.client.JsonTrees;
import berth.client.Query;
import berth.client.Response;
import berth.core.errors.BerthException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * {@code build:} through the Engine API's {@code POST /build}: the context directory as a tar, the
 * image tagged as the service's image. Whatever the daemon answers (including that it has no
 * builder) is shown as its error.
 */
final class ImageBuild {
  private ImageBuild() {}

  static void build(BerthClient c, Project p, Service s, Progress progress) {
    JsonNode b = s.config().path("build");
    Path context = p.workingDir().resolve(b.path("context").asText(".")).normalize();
    String image = s.image(p.name());
    progress.event("Image", image, "Building", false);
    Map<String, String> args = new LinkedHashMap<>();
    b.path("args").properties().forEach(e -> args.put(e.getKey(), e.getValue().asText()));
    Map<String, String> labels = new LinkedHashMap<>();
    b.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    Query q = Query.of().add("t", image).add("dockerfile", b.hasNonNull("dockerfile") ? b.get("dockerfile").asText() : null)
        .add("target", b.hasNonNull("target") ? b.get("target").asText() : null)
        .add("buildargs", args.isEmpty() ? null : JsonTrees.writeString(args))
        .add("labels", labels.isEmpty() ? null : JsonTrees.writeString(labels));
    try (Response r = c.upload("POST", "/build", q, new ByteArrayInputStream(tar(context)), "application/x-tar")) {
      for (Iterator<JsonNode> it = r.jsonStream(); it.hasNext(); ) {
        JsonNode m = it.next();
        if (m.hasNonNull("error")) {
          throw new ComposeException("failed to build " + s.name() + ": " + m.get("error").asText());
        }
      }
    } catch (BerthException e) {
      progress.event("Image", image, "Error", true);
      throw e;
    }
    progress.event("Image", image, "Built", true);
  }

  static byte[] tar(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new ComposeException("build context " + dir + " is not a directory");
    }
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(buf); Stream<Path> walk = Files.walk(dir)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      List<Path> paths = walk.filter(x -> !x.equals(dir)).sorted().toList();
      for (Path f : paths) {
        String name = dir.relativize(f).toString().replace('\\', '/');
        TarArchiveEntry e = new TarArchiveEntry(f.toFile(), Files.isDirectory(f) ? name + "/" : name);
        tar.putArchiveEntry(e);
        if (Files.isRegularFile(f)) {
          Files.copy(f, tar);
        }
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("packing build context " + dir, e);
    }
    return buf.toByteArray();
  }
}
