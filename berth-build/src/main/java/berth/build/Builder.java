package berth.build;

import berth.content.ContentStore;
import berth.core.ImageRef;
import berth.core.errors.Internal;
import berth.core.errors.InvalidArgument;
import berth.dockerfile.BuildArgs;
import berth.dockerfile.Dockerfile;
import berth.dockerfile.Expander;
import berth.dockerfile.Instruction;
import berth.dockerfile.KeyValue;
import berth.dockerfile.Stage;
import berth.engine.ContainerService;
import berth.engine.ImageService;
import berth.image.Image;
import berth.image.ImageStore;
import berth.snapshot.Snapshotter;
import berth.snapshot.archive.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds images from Dockerfiles: {@code POST /build}'s engine. One build = unpack the context,
 * parse the Dockerfile, run the stages the target needs (in order), tag the result, reporting
 * progress in the classic builder's words ("Step 2/5 : RUN ...", " ---> Using cache", ...).
 *
 * <pre>{@code
 * Builder builder = new Builder(engine.containers(), engine.images(), imageStore, snapshotter,
 *     contentStore, dataRoot);
 * BuildResult r = builder.build(contextTar, BuildOptions.defaults().withTags(List.of("app")),
 *     output, new Cancellation());
 * }</pre>
 *
 * <p>State on disk: {@code <data root>/build/cache} (the step cache), {@code build/tmp}
 * (contexts and mount points of builds in progress; emptied when the builder opens).
 */
public final class Builder {
  private final ContainerService containers;
  private final ImageService imageService;
  private final ImageStore images;
  private final Snapshotter snapshots;
  private final Path tmpRoot;
  private final StepCommitter commits;
  private final LayerMaker layers;
  private final RunStep runs;

  public Builder(ContainerService containers, ImageService imageService, ImageStore images,
      Snapshotter snapshots, ContentStore content, Path dataRoot) {
    this.containers = containers;
    this.imageService = imageService;
    this.images = images;
    this.snapshots = snapshots;
    Path root = dataRoot.resolve("build");
    this.tmpRoot = root.resolve("tmp");
    String arch = BuildArgs.hostPlatform().split("/")[1];
    this.commits = new StepCommitter(images, new BuildCache(root.resolve("cache")), arch);
    this.layers = new LayerMaker(snapshots, content, images, tmpRoot);
    this.runs = new RunStep(containers, snapshots, layers);
    layers.removeLeftovers();
    try {
      if (Files.exists(tmpRoot)) {
        FileTrees.deleteRecursively(tmpRoot);
      }
      Files.createDirectories(tmpRoot);
    } catch (IOException e) {
      throw new Internal("clean build directory " + tmpRoot + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs a build. Errors before the first step (bad tags, bad Dockerfile) are thrown before
   * anything is written to {@code output}; a failing RUN throws {@link StepFailed}.
   */
  public BuildResult build(InputStream contextTar, BuildOptions o, BuildOutput output, Cancellation cancel) {
    List<String> tags = new ArrayList<>();
    for (String t : o.tags()) {
      tags.add(ImageRef.parseWithDefaultTag(t).familiarString());
    }
    String host = BuildArgs.hostPlatform();
    if (o.platform() != null && !o.platform().isEmpty() && !o.platform().equals(host)
        && !o.platform().equals("linux")) {
      throw new InvalidArgument("platform " + o.platform() + " is not supported: Berth builds for " + host);
    }
    Path tmp;
    try {
      tmp = Files.createTempDirectory(tmpRoot, "session-");
    } catch (IOException e) {
      throw new Internal("create build directory: " + e.getMessage(), e);
    }
    try (BuildContext ctx = BuildContext.extract(contextTar, tmp, o.dockerfile())) {
      String name = o.dockerfile() == null || o.dockerfile().isEmpty() ? Dockerfile.DEFAULT_NAME : o.dockerfile();
      Dockerfile df = Dockerfile.parse(ctx.dockerfile(), name);
      BuildSession b = new BuildSession(o, output, df.escape(), BuildArgs.platformArgs(host, host), commits,
          runs, layers, tmp, ctx, containers, snapshots, cancel);
      return run(df, b, tags);
    } finally {
      try {
        FileTrees.deleteRecursively(tmp);
      } catch (IOException ignored) {
        // emptied when the builder next opens
      }
    }
  }

  private BuildResult run(Dockerfile df, BuildSession b, List<String> tags) {
    int target = df.stages().size() - 1;
    if (b.options.target() != null && !b.options.target().isEmpty()) {
      Stage t = df.stage(b.options.target());
      if (t == null) {
        throw new InvalidArgument("failed to reach build target " + b.options.target() + " in Dockerfile");
      }
      target = t.index();
    }
    java.util.function.Function<String, String> meta = n -> b.metaArgs.containsKey(n) ? b.metaArgs.get(n)
        : b.platformArgs.get(n);
    List<Stage> needed = StagePlan.needed(df, target, meta);
    Map<String, String> labels = new TreeMap<>(b.options.labels());
    int total = df.metaArgs().size() + labels.size();
    for (Stage s : needed) {
      total += 1 + s.instructions().size();
    }
    int n = 0;
    for (Instruction i : df.metaArgs()) {
      b.out("Step " + (++n) + "/" + total + " : " + i.original() + "\n");
      Instruction.Arg a = (Instruction.Arg) Expander.expand(i, b.escape, meta);
      for (KeyValue kv : a.args()) {
        String v = b.options.buildArgs().get(kv.key());
        b.metaArgs.put(kv.key(), v != null ? v : kv.value());
      }
    }
    StageBuild last = null;
    for (Stage st : needed) {
      b.checkCancelled();
      b.out("Step " + (++n) + "/" + total + " : " + st.from().original() + "\n");
      String ref = Expander.expand(st.from().image(), b.escape, meta);
      StageBuild sb = new StageBuild(b);
      Integer prev = b.stageNames.get(ref.toLowerCase(java.util.Locale.ROOT));
      Image base = prev != null ? b.stageImages.get(prev)
          : ref.equalsIgnoreCase("scratch") ? null : b.commits.require(ref);
      if (base != null) {
        b.out(" ---> " + base.id().shortHex() + "\n");
      }
      sb.from(base);
      for (Instruction i : st.instructions()) {
        b.out("Step " + (++n) + "/" + total + " : " + i.original() + "\n");
        sb.dispatch(i);
        b.out(" ---> " + (sb.s.image == null ? "" : sb.s.image.id().shortHex()) + "\n");
      }
      if (st.index() == target) {
        for (Map.Entry<String, String> l : labels.entrySet()) {
          b.out("Step " + (++n) + "/" + total + " : LABEL " + l.getKey() + "=" + l.getValue() + "\n");
          sb.optionLabel(l.getKey(), l.getValue());
          b.out(" ---> " + sb.s.image.id().shortHex() + "\n");
        }
      }
      b.stageImages.put(st.index(), sb.s.image);
      if (st.name() != null) {
        b.stageNames.put(st.name().toLowerCase(java.util.Locale.ROOT), st.index());
      }
      b.stageNames.putIfAbsent(Integer.toString(st.index()), st.index());
      last = sb;
    }
    Image result = last == null ? null : last.s.image;
    if (result == null) {
      throw new InvalidArgument("No image was generated. Is your Dockerfile empty?");
    }
    Map<String, String> given = new java.util.LinkedHashMap<>(b.options.buildArgs());
    TreeSet<String> consumed = new TreeSet<>(b.consumed);
    consumed.addAll(b.metaArgs.keySet());
    String warning = BuildArgs.unusedWarning(given, consumed);
    if (warning != null) {
      b.out(warning + "\n");
    }
    String id = result.id().toString();
    b.output.aux(id);
    b.out("Successfully built " + result.id().shortHex() + "\n");
    for (String t : tags) {
      int colon = t.lastIndexOf(':');
      imageService.tag(id, t.substring(0, colon), t.substring(colon + 1));
      b.out("Successfully tagged " + t + "\n");
    }
    if (b.options.quiet()) {
      b.output.stream(id + "\n");
    }
    return new BuildResult(id, tags, b.cached, b.executed);
  }
}
