package berth.engine;

import berth.core.Json;
import berth.core.errors.Internal;
import berth.runtime.oci.Spec;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * `runc update --resources -` for a running container. An adapter kept in the engine because the
 * runtime driver's interface has no update operation yet; it uses the runc root the driver uses
 * ({@code exec-root/runc}, see the runtime layout).
 */
final class RuncUpdate {
  static final Path RUNC = Path.of("/usr/sbin/runc");

  private RuncUpdate() {}

  static void apply(Path execRoot, String id, Spec.Resources resources) {
    List<String> cmd = List.of(RUNC.toString(), "--root", execRoot.resolve("runc").toString(), "update",
        "--resources", "-", id);
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(Json.MAPPER.writeValueAsBytes(resources));
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new Internal("update container " + id + ": runc update timed out");
      }
      if (p.exitValue() != 0) {
        throw new Internal("Cannot update container " + id + ": " + out);
      }
    } catch (IOException e) {
      throw new Internal("update container " + id + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Internal("update container " + id + ": interrupted", e);
    }
  }
}
