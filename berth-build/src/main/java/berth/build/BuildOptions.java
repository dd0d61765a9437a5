package berth.build;

import java.util.List;
import java.util.Map;

/**
 * What a build was asked for: the query parameters of {@code POST /build} the builder uses.
 *
 * @param dockerfile the Dockerfile's path inside the context (null: {@code Dockerfile})
 * @param tags names to give the result ({@code t}, several)
 * @param buildArgs {@code --build-arg} values; a null value means "take it from the environment",
 *     which the daemon cannot do, so it counts as not given
 * @param labels labels added to the final image (one LABEL step each, sorted, as Docker does)
 * @param target the stage to stop at (null: the last)
 * @param noCache never use the step cache
 * @param rm remove intermediate containers after a successful step
 * @param forceRm remove them even after a failed step (Berth always does; see {@link Builder})
 * @param quiet only the image id in the output
 * @param networkMode network for RUN containers ({@code default}, {@code none}, {@code host}, a network)
 * @param extraHosts {@code host:ip} entries for RUN containers' /etc/hosts
 * @param platform requested platform (only this machine's is offered)
 */
public record BuildOptions(String dockerfile, List<String> tags, Map<String, String> buildArgs,
    Map<String, String> labels, String target, boolean noCache, boolean rm, boolean forceRm,
    boolean quiet, String networkMode, List<String> extraHosts, String platform) {

  public BuildOptions {
    tags = tags == null ? List.of() : List.copyOf(tags);
    buildArgs = buildArgs == null ? Map.of() : java.util.Collections.unmodifiableMap(
        new java.util.LinkedHashMap<>(buildArgs));
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    extraHosts = extraHosts == null ? List.of() : List.copyOf(extraHosts);
  }

  /** Defaults as the docker CLI sends them: rm on, everything else off. */
  public static BuildOptions defaults() {
    return new BuildOptions(null, List.of(), Map.of(), Map.of(), null, false, true, false, false,
        null, List.of(), null);
  }

  public BuildOptions withTags(List<String> t) {
    return new BuildOptions(dockerfile, t, buildArgs, labels, target, noCache, rm, forceRm, quiet,
        networkMode, extraHosts, platform);
  }

  public BuildOptions withNoCache(boolean v) {
    return new BuildOptions(dockerfile, tags, buildArgs, labels, target, v, rm, forceRm, quiet,
        networkMode, extraHosts, platform);
  }
}
