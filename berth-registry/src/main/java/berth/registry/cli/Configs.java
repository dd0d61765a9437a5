package berth.registry.cli;

import berth.registry.RegistryConfig;
import java.io.IOException;
import java.nio.file.Path;

/** The configuration file, then the command line's overrides. */
final class Configs {
  private Configs() {}

  static RegistryConfig load(Path file, String addr, Path storage) throws IOException {
    RegistryConfig c;
    try {
      c = file == null ? RegistryConfig.defaults() : RegistryConfig.load(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IOException("config file " + file + ": no such file", e);
    }
    if (addr != null) {
      c = c.withListen(addr);
    }
    if (storage != null) {
      c = c.withStorage(storage.toAbsolutePath());
    }
    return c;
  }
}
