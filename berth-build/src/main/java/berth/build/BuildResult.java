package berth.build;

import java.util.List;

/**
 * A finished build.
 *
 * @param imageId the result's id ({@code sha256:...})
 * @param tags the names it was given, as the user wrote them (normalised with {@code :latest})
 * @param cachedSteps how many steps were answered from the cache
 * @param executedSteps how many steps ran (RUN containers, COPY/ADD/WORKDIR writes, metadata)
 */
public record BuildResult(String imageId, List<String> tags, int cachedSteps, int executedSteps) {
  public BuildResult {
    tags = List.copyOf(tags);
  }
}
