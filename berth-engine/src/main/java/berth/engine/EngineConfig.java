package berth.engine;

import java.nio.file.Path;

/**
 * Where the engine keeps its state and how it runs containers. {@code initBinary} is bound into
 * containers started with --init as /sbin/docker-init (Docker ships tini there; Berth uses
 * catatonit, which takes the same "--" convention).
 */
public record EngineConfig(Path dataRoot, Path execRoot, String runtimeName, boolean debug, Path initBinary) {
  public EngineConfig(Path dataRoot, Path execRoot, String runtimeName, boolean debug) {
    this(dataRoot, execRoot, runtimeName, debug, Path.of("/usr/bin/catatonit"));
  }

  public Path containersDir() {
    return dataRoot.resolve("containers");
  }

  public Path bundlesDir() {
    return execRoot.resolve("bundles");
  }

  public Path stateDb() {
    return dataRoot.resolve("state.db");
  }
}
