package berth.build;

import berth.core.errors.Internal;
import berth.core.errors.Unavailable;
import berth.engine.ContainerService;
import berth.image.Image;
import berth.snapshot.Mounter;
import berth.snapshot.Snapshotter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What one build shares between its stages: options, output, context, parts, counters. */
final class BuildSession {
  final BuildOptions options;
  final BuildOutput output;
  final char escape;
  final Map<String, String> metaArgs = new LinkedHashMap<>();
  final Map<String, String> platformArgs;
  final Set<String> consumed = new HashSet<>();
  final StepCommitter commits;
  final RunStep runs;
  final LayerMaker layers;
  final Path tmp;
  final BuildContext context;
  /** The last image of each stage built so far, by index (null: nothing on scratch yet). */
  final Map<Integer, Image> stageImages = new HashMap<>();
  final Map<String, Integer> stageNames = new HashMap<>();
  private final ContainerService containers;
  private final Snapshotter snapshots;
  private final Cancellation cancellation;
  private volatile String running;
  int cached;
  int executed;

  BuildSession(BuildOptions options, BuildOutput output, char escape, Map<String, String> platformArgs,
      StepCommitter commits, RunStep runs, LayerMaker layers, Path tmp, BuildContext context,
      ContainerService containers, Snapshotter snapshots, Cancellation cancellation) {
    this.options = options;
    this.output = output;
    this.escape = escape;
    this.platformArgs = platformArgs;
    this.commits = commits;
    this.runs = runs;
    this.layers = layers;
    this.tmp = tmp;
    this.context = context;
    this.containers = containers;
    this.snapshots = snapshots;
    this.cancellation = cancellation;
    cancellation.onCancel(() -> {
      String id = running;
      if (id != null) {
        try {
          containers.kill(id, "SIGKILL");
        } catch (RuntimeException ignored) {
          // it exited meanwhile
        }
      }
    });
  }

  void out(String text) {
    if (!options.quiet()) {
      output.stream(text);
    }
  }

  void running(String containerId) {
    running = containerId;
    if (containerId != null && cancellation.cancelled()) {
      try {
        containers.kill(containerId, "SIGKILL");
      } catch (RuntimeException ignored) {
        // not started yet: the check before the next step ends the build
      }
    }
  }

  void checkCancelled() {
    if (cancellation.cancelled()) {
      throw new Unavailable("build cancelled: the client went away");
    }
  }

  /** A root to COPY --from: {@code fromId} names the stage's image (or "" for an empty one). */
  @FunctionalInterface
  interface RootWork {
    void run(BuildContext root, String fromId);
  }

  /** Mounts a read-only view of a previous stage (by name or index) or an image for {@code work}. */
  void withStageRoot(String from, RootWork work) {
    Image img;
    Integer idx = stageNames.get(from.toLowerCase(java.util.Locale.ROOT));
    if (idx == null && from.chars().allMatch(Character::isDigit)) {
      idx = Integer.parseInt(from);
      if (!stageImages.containsKey(idx)) {
        throw new berth.core.errors.InvalidArgument("invalid from flag value " + from
            + ": refers to a stage that is not built before this one");
      }
    }
    if (idx != null) {
      img = stageImages.get(idx);
    } else {
      img = commits.require(from);
    }
    String key = LayerMaker.KEY_PREFIX + "view-" + berth.core.Ids.newId().substring(0, 16);
    Path mp = tmp.resolve(key);
    Mounter mounter = new Mounter();
    boolean mounted = false;
    try {
      Files.createDirectories(mp);
      if (img != null && img.topSnapshot() != null) {
        snapshots.view(key, img.topSnapshot());
        mounter.mount(snapshots.mounts(key), mp);
        mounted = true;
      }
      work.run(BuildContext.of(mp), img == null ? "" : img.id().toString());
    } catch (IOException e) {
      throw new Internal("mount stage " + from + ": " + e.getMessage(), e);
    } finally {
      if (mounted) {
        mounter.unmount(mp);
      }
      snapshots.remove(key);
      try {
        Files.deleteIfExists(mp);
      } catch (IOException ignored) {
        // goes with the session's directory
      }
    }
  }
}
