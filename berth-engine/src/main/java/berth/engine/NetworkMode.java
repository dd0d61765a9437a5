package berth.engine;

import berth.core.errors.InvalidArgument;

/** The network modes Berth runs today: none, host, or another container's namespace. */
public sealed interface NetworkMode {
  record None() implements NetworkMode {}

  record Host() implements NetworkMode {}

  /** Joins the network namespace of container {@code ref}. */
  record Joined(String ref) implements NetworkMode {}

  /**
   * Parses HostConfig.NetworkMode. The default (bridge) and named networks are refused until the
   * networking work lands: Berth would otherwise start containers without the network asked for.
   */
  static NetworkMode parse(String mode) {
    if (mode == null || mode.isEmpty() || mode.equals("default") || mode.equals("bridge")) {
      throw new InvalidArgument("bridge networking is not available yet in Berth: "
          + "use --network none or --network host");
    }
    if (mode.equals("none")) {
      return new None();
    }
    if (mode.equals("host")) {
      return new Host();
    }
    if (mode.startsWith("container:") && mode.length() > "container:".length()) {
      return new Joined(mode.substring("container:".length()));
    }
    throw new InvalidArgument("network " + mode + " not found: only none, host and container:<name|id> "
        + "networks are available in Berth yet");
  }
}
