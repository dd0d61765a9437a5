package berth.engine;

import berth.api.model.PathStat;
import java.io.IOException;
import java.io.OutputStream;

/**
 * GET /containers/{id}/archive: the stat (for the X-Docker-Container-Path-Stat header), known
 * before any byte is sent, and the tar, written when the API is ready for the body.
 */
public record ArchiveResult(PathStat stat, Body body) {
  /** Writes the tar; runs once. */
  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }
}
