package berth.daemon;

import java.nio.file.Path;
import java.util.List;

/** What berthd runs with, after flags and daemon.json are merged. */
public record DaemonConfig(
    Path dataRoot, Path execRoot, List<String> hosts, String runtime, boolean debug, Path pidfile, String logLevel,
    NetworkKeys network) {

  public static final Path DEFAULT_DATA_ROOT = Path.of("/var/lib/berth");
  public static final Path DEFAULT_EXEC_ROOT = Path.of("/run/berth");
  public static final String DEFAULT_HOST = "unix:///run/berth/berth.sock";

  /** Unix socket paths of the hosts; only unix:// is served (Docker's tcp:// is not offered). */
  public List<Path> socketPaths() {
    return hosts.stream().map(DaemonConfig::socketPath).toList();
  }

  static Path socketPath(String host) {
    if (host.startsWith("unix://")) {
      String p = host.substring("unix://".length());
      if (p.isEmpty()) {
        throw new IllegalArgumentException("invalid host " + host + ": empty socket path");
      }
      if (p.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= 108) {
        throw new IllegalArgumentException("invalid host " + host + ": unix socket path is longer than 107 bytes");
      }
      return Path.of(p);
    }
    if (host.startsWith("/")) {
      return Path.of(host);
    }
    throw new IllegalArgumentException("invalid host " + host + ": only unix:///path sockets are supported");
  }
}
