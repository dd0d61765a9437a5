package berth.engine;

import berth.core.errors.InvalidArgument;

/** The network modes Berth runs today: none, host, or another container's namespace. */
public sealed interface NetworkMode {
  record None() implements NetworkMode {}

  record Host() implements NetworkMode {}

  /** A namespace of its own attached to a network (the default bridge or a user network). */
  record Attached(String network) implements NetworkMode {}

  /** Joins the network namespace of container {@code ref}. */
  record Joined(String ref) implements NetworkMode {}

  /**
   * Parses HostConfig.NetworkMode: default/bridge and names of user networks are Attached; whether
   * the network exists is ContainerNetworking's check at create.
   */
  static NetworkMode parse(String mode) {
    if (mode == null || mode.isEmpty() || mode.equals("default") || mode.equals("bridge")) {
      return new Attached("bridge");
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
    if (mode.equals("container:")) {
      throw new InvalidArgument("Invalid network mode: invalid container format container:<name|id>");
    }
    return new Attached(mode);
  }
}
