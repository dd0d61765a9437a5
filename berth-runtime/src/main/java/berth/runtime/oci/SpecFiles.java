package berth.runtime.oci;

import berth.core.Json;
import berth.core.errors.Internal;
import berth.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/** Writes and reads a bundle's config.json; writes are atomic so runc never sees half a spec. */
public final class SpecFiles {
  private SpecFiles() {}

  public static void write(Path bundle, Spec spec) {
    try {
      AtomicFiles.write(bundle.resolve("config.json"), Json.MAPPER.writeValueAsBytes(spec));
    } catch (IOException e) {
      throw new Internal("write " + bundle.resolve("config.json") + ": " + e.getMessage(), e);
    }
  }

  public static Spec read(Path bundle) {
    try {
      return Json.MAPPER.readValue(bundle.resolve("config.json").toFile(), Spec.class);
    } catch (IOException e) {
      throw new Internal("read " + bundle.resolve("config.json") + ": " + e.getMessage(), e);
    }
  }
}
