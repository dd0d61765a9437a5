package berth.build;

import berth.api.model.ContainerConfig;
import berth.api.model.HealthConfig;
import berth.api.model.HostConfig;
import berth.api.model.WaitResponse;
import berth.core.Digest;
import berth.core.errors.Internal;
import berth.engine.AttachOptions;
import berth.engine.AttachStream;
import berth.engine.ContainerService;
import berth.engine.Frame;
import berth.snapshot.Snapshotter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * One RUN in a real container, through the engine's own create, attach, start and wait (so the
 * step gets exactly a container's isolation and network), its output streamed as it comes, its
 * upper dir turned into the step's layer. The container is removed afterwards whatever happened.
 */
final class RunStep {
  /** What happened: the container (id), its exit code and the layer (empty: nothing changed). */
  record Result(String containerId, int exitCode, Optional<Digest> layer) {}

  private final ContainerService containers;
  private final Snapshotter snapshots;
  private final LayerMaker layers;

  RunStep(ContainerService containers, Snapshotter snapshots, LayerMaker layers) {
    this.containers = containers;
    this.snapshots = snapshots;
    this.layers = layers;
  }

  /**
   * Runs {@code cmd} in a container of {@code imageId} with the state's config and {@code env}.
   *
   * @param onStart told the container id once it exists (for "Running in" and cancellation)
   */
  Result run(String imageId, RunConfig cfg, List<String> cmd, List<String> env, String networkMode,
      List<String> extraHosts, boolean keep, java.util.function.Consumer<String> onStart,
      java.util.function.Consumer<String> output) {
    ContainerConfig cc = ContainerConfig.builder().image(imageId).cmd(cmd).entrypoint(List.of(""))
        .env(env).user(cfg.user).workingDir(cfg.workingDir).attachStdout(true).attachStderr(true)
        .healthcheck(new HealthConfig(List.of("NONE"), null, null, null, null, null)).build();
    HostConfig.Builder hb = HostConfig.builder();
    if (networkMode != null && !networkMode.isEmpty() && !networkMode.equals("default")) {
      hb.networkMode(networkMode);
    }
    if (!extraHosts.isEmpty()) {
      hb.extraHosts(new ArrayList<>(extraHosts));
    }
    String id = containers.create(null, cc, hb.build(), null, null).id();
    boolean ok = false;
    try {
      onStart.accept(id);
      AttachStream attach = containers.attach(id, new AttachOptions(false, true, true, false, true, null));
      CompletionStage<WaitResponse> exit = containers.wait(id, "next-exit");
      containers.start(id);
      try (attach) {
        for (Frame f; (f = attach.next()) != null; ) {
          output.accept(new String(f.data(), StandardCharsets.UTF_8));
        }
      }
      WaitResponse w = exit.toCompletableFuture().get();
      int code = w.statusCode() == null ? -1 : w.statusCode().intValue();
      Optional<Digest> layer = code == 0 ? layers.commitUpper(snapshots.upperDir(id)) : Optional.empty();
      ok = code == 0;
      return new Result(id, code, layer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Internal("build interrupted", e);
    } catch (ExecutionException | IOException e) {
      throw new Internal("run build step: " + e.getMessage(), e);
    } finally {
      if (!ok || !keep) {
        try {
          containers.remove(id, true, true, false);
        } catch (RuntimeException ignored) {
          // already gone
        }
      }
    }
  }
}
