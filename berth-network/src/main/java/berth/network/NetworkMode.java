package berth.network;

import berth.core.errors.InvalidArgument;

/**
 * {@code HostConfig.NetworkMode} as Docker reads it: {@code default} and {@code bridge} (the default
 * bridge), {@code host}, {@code none}, {@code container:<name|id>}, or a user network's name or id.
 * Tells the engine whether to make a namespace, share one, or use the host's.
 */
public sealed interface NetworkMode {
  /** A namespace of its own, attached to a network (the default bridge or a user network). */
  record Attached(String network) implements NetworkMode {}

  /** The host's namespace: no namespace path in the OCI spec, the host's resolv.conf and hosts. */
  record Host() implements NetworkMode {}

  /** A namespace of its own with only loopback. */
  record None() implements NetworkMode {}

  /** Another container's namespace: its netns path goes into the OCI spec. */
  record Container(String ref) implements NetworkMode {}

  public static NetworkMode parse(String mode) {
    if (mode == null || mode.isEmpty() || mode.equals("default") || mode.equals("bridge")) {
      return new Attached("bridge");
    }
    if (mode.equals("host")) {
      return new Host();
    }
    if (mode.equals("none")) {
      return new None();
    }
    if (mode.startsWith("container:")) {
      String ref = mode.substring("container:".length());
      if (ref.isEmpty()) {
        throw new InvalidArgument("Invalid network mode: invalid container format container:<name|id>");
      }
      return new Container(ref);
    }
    return new Attached(mode);
  }

  /** Whether this mode gets the embedded DNS and a namespace Berth creates. */
  default boolean ownNamespace() {
    return this instanceof Attached || this instanceof None;
  }
}
