package berth.client;

import berth.core.errors.InvalidArgument;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which daemon to talk to: {@code BERTH_HOST}, else {@code DOCKER_HOST}, else the default socket.
 * Only {@code unix://} is supported; Berth does not speak TCP or TLS yet.
 *
 * @param uri the host as the user wrote it, shown in "Cannot connect" messages
 * @param socket the Unix socket path
 */
public record DockerHost(String uri, Path socket) {
  public static final String DEFAULT = "unix:///run/berth/berth.sock";

  /** Resolves from the environment; an explicit {@code -H} value wins when non-null. */
  public static DockerHost resolve(String explicit, Map<String, String> env) {
    String host = explicit;
    if (blank(host)) {
      host = env.get("BERTH_HOST");
    }
    if (blank(host)) {
      host = env.get("DOCKER_HOST");
    }
    if (blank(host)) {
      host = DEFAULT;
    }
    return parse(host);
  }

  public static DockerHost parse(String host) {
    if (host.startsWith("unix://")) {
      String path = host.substring("unix://".length());
      if (path.isEmpty()) {
        throw new InvalidArgument("invalid host: " + host + ": missing socket path");
      }
      return new DockerHost(host, Path.of(path));
    }
    if (host.startsWith("/")) {
      return new DockerHost("unix://" + host, Path.of(host));
    }
    if (host.startsWith("tcp://") || host.startsWith("ssh://") || host.startsWith("npipe://")
        || host.startsWith("fd://")) {
      throw new InvalidArgument("unsupported host " + host
          + ": berth only connects over unix:// sockets (set BERTH_HOST or DOCKER_HOST to unix:///path.sock)");
    }
    throw new InvalidArgument("invalid host: " + host + " (expected unix:///path/to/socket)");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
