package berth.compose;

/**
 * Where status lines go: one call per step of a resource, with Docker compose's words
 * ({@code Network x_default Creating}, then {@code Created}). Implementations must be thread-safe:
 * services converge in parallel.
 */
public interface Progress {
  /**
   * @param kind {@code Network}, {@code Volume}, {@code Container} or {@code Image}
   * @param done whether this is the step's final state (Created, Started, Removed, ...)
   */
  void event(String kind, String name, String status, boolean done);

  Progress NONE = (k, n, s, d) -> { };
}
