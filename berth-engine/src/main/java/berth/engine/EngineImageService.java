package berth.engine;

import berth.api.model.ContainerConfig;
import berth.api.model.DockerTime;
import berth.api.model.GraphDriver;
import berth.api.model.IdResponse;
import berth.api.model.ImageDeleteItem;
import berth.api.model.ImageHistoryItem;
import berth.api.model.ImageInspect;
import berth.api.model.ImageMetadata;
import berth.api.model.ImagePruneReport;
import berth.api.model.ImageSummary;
import berth.api.model.RootFs;
import berth.core.Digest;
import berth.core.errors.Conflict;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import berth.core.errors.NotImplemented;
import berth.image.Image;
import berth.image.ImageStore;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** {@link ImageService} over the image store, with Docker's shapes and image events. */
final class EngineImageService implements ImageService {
  private static final List<String> LIST_FILTERS = List.of("dangling", "label", "reference", "before", "since", "until");
  private final EngineContext ctx;

  EngineImageService(EngineContext ctx) {
    this.ctx = ctx;
  }

  private ImageStore store() {
    return ctx.images();
  }

  /** Whether a container (in any state) uses the image: such images are kept unless forced. */
  Predicate<Digest> inUse() {
    return d -> ctx.registry().all().stream().anyMatch(c -> c.record().imageId().equals(d.toString()));
  }

  private Image resolve(String ref) {
    return store().resolve(ref).orElseThrow(() -> NotFound.image(ref));
  }

  @Override
  public List<ImageSummary> list(boolean all, Map<String, List<String>> filters) {
    Map<String, List<String>> f = filters == null ? Map.of() : filters;
    for (String k : f.keySet()) {
      if (!LIST_FILTERS.contains(k)) {
        throw new InvalidArgument("invalid filter '" + k + "'");
      }
    }
    Long before = f.containsKey("before") ? resolve(f.get("before").get(0)).created().toEpochMilli() : null;
    Long since = f.containsKey("since") ? resolve(f.get("since").get(0)).created().toEpochMilli() : null;
    Long until = f.containsKey("until") ? PruneFilters.parseUntil(f.get("until").get(0)) / 1_000_000 : null;
    List<ImageSummary> out = new ArrayList<>();
    List<Image> images = new ArrayList<>(store().list());
    images.sort(Comparator.comparing(Image::created, Comparator.nullsLast(Comparator.naturalOrder())).reversed());
    java.util.Set<String> parents = new java.util.HashSet<>();
    images.forEach(i -> parents.add(i.parent()));
    for (Image i : images) {
      // as Docker: without -a, untagged images that are parents of others (a build's steps) are hidden
      if (!all && i.repoTags().isEmpty() && parents.contains(i.id().toString())) {
        continue;
      }
      long created = i.created() == null ? 0 : i.created().toEpochMilli();
      boolean dangling = i.repoTags().isEmpty();
      if (f.containsKey("dangling") && !f.get("dangling").isEmpty()
          && dangling != (f.get("dangling").get(0).equals("true") || f.get("dangling").get(0).equals("1"))) {
        continue;
      }
      if (before != null && created >= before || since != null && created <= since || until != null && created >= until) {
        continue;
      }
      if (f.containsKey("label") && !f.get("label").stream().allMatch(l -> labelMatches(l, labels(i)))) {
        continue;
      }
      if (f.containsKey("reference") && f.get("reference").stream().noneMatch(r -> referenceMatches(r, i))) {
        continue;
      }
      out.add(summary(i));
    }
    return out;
  }

  ImageSummary summary(Image i) {
    return new ImageSummary(i.id().toString(), i.parent() == null ? "" : i.parent(), i.repoTags(), i.repoDigests(),
        i.created() == null ? 0 : i.created().getEpochSecond(), i.size(), -1L, null, labels(i), -1L);
  }

  private static Map<String, String> labels(Image i) {
    return i.config() == null || i.config().labels() == null ? Map.of() : i.config().labels();
  }

  private static boolean labelMatches(String v, Map<String, String> labels) {
    int eq = v.indexOf('=');
    return eq < 0 ? labels.containsKey(v) : v.substring(eq + 1).equals(labels.get(v.substring(0, eq)));
  }

  /** Docker matches reference filters as path globs against each name and its familiar forms. */
  private static boolean referenceMatches(String pattern, Image i) {
    String glob = pattern.contains(":") ? pattern : pattern + ":*";
    java.nio.file.PathMatcher m = java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob);
    java.nio.file.PathMatcher bare = java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    for (String t : i.repoTags()) {
      String repo = t.substring(0, t.lastIndexOf(':'));
      if (m.matches(java.nio.file.Path.of(t)) || bare.matches(java.nio.file.Path.of(repo))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public ImageInspect inspect(String ref) {
    Image i = resolve(ref);
    List<String> layers = i.diffIds().stream().map(Digest::toString).toList();
    return new ImageInspect(i.id().toString(), i.repoTags(), i.repoDigests(), i.parent() == null ? "" : i.parent(),
        i.comment() == null ? "" : i.comment(), i.created() == null ? null : DockerTime.format(i.created()), "",
        i.author() == null ? "" : i.author(), ImageConfigs.forInspect(i.config()), i.architecture(), null, i.os(),
        null, i.size(), null, new GraphDriver("overlay2", Map.of()), new RootFs("layers", layers),
        new ImageMetadata(DockerTime.ZERO));
  }

  @Override
  public List<ImageHistoryItem> history(String ref) {
    Image i = resolve(ref);
    List<ImageHistoryItem> out = new ArrayList<>();
    List<Image.HistoryEntry> h = i.history();
    long layers = h.stream().filter(e -> !e.emptyLayer()).count();
    for (int k = h.size() - 1; k >= 0; k--) {
      Image.HistoryEntry e = h.get(k);
      boolean top = k == h.size() - 1;
      long size = e.emptyLayer() ? 0 : layers == 1 ? i.size() : 0;
      out.add(new ImageHistoryItem(top ? i.id().toString() : "<missing>",
          e.created() == null ? 0 : e.created().getEpochSecond(), e.createdBy() == null ? "" : e.createdBy(),
          top ? i.repoTags() : null, size, e.comment() == null ? "" : e.comment()));
    }
    if (out.isEmpty()) {
      out.add(new ImageHistoryItem(i.id().toString(), i.created() == null ? 0 : i.created().getEpochSecond(), "",
          i.repoTags(), i.size(), i.comment() == null ? "" : i.comment()));
    }
    return out;
  }

  @Override
  public void tag(String ref, String repo, String tag) {
    if (repo == null || repo.isEmpty()) {
      throw new InvalidArgument("repository name must have at least one component");
    }
    Image i = resolve(ref);
    String repoTag = repo + ":" + (tag == null || tag.isEmpty() ? "latest" : tag);
    store().tag(i, repoTag);
    ctx.events().image(i.id().toString(), "tag", Map.of("name", repoTag));
  }

  @Override
  public List<ImageDeleteItem> remove(String ref, boolean force, boolean noPrune) {
    Image i = resolve(ref);
    List<ImageStore.DeleteResult> results = store().remove(ref, force, noPrune, inUse());
    return events(results, i);
  }

  private List<ImageDeleteItem> events(List<ImageStore.DeleteResult> results, Image i) {
    List<ImageDeleteItem> out = new ArrayList<>();
    for (ImageStore.DeleteResult r : results) {
      out.add(new ImageDeleteItem(r.untagged(), r.deleted()));
      if (r.untagged() != null) {
        ctx.events().image(i == null ? r.untagged() : i.id().toString(), "untag", Map.of("name", r.untagged()));
      }
      if (r.deleted() != null) {
        ctx.events().image(r.deleted(), "delete", Map.of("name", r.deleted()));
      }
    }
    return out;
  }

  @Override
  public ImagePruneReport prune(Map<String, List<String>> filters) {
    PruneFilters f = PruneFilters.of(filters);
    if (f.untilNanos() != null || !f.labels().isEmpty() || !f.notLabels().isEmpty()) {
      throw new NotImplemented("image prune filters until and label are not implemented in Berth yet");
    }
    boolean all = f.dangling() != null && !f.dangling();
    ImageStore.PruneResult r = store().prune(all, inUse());
    List<ImageDeleteItem> items = events(r.deleted(), null);
    ctx.events().publish(new berth.api.model.Event(null, null, null, "image", "prune",
        new berth.api.model.EventActor("", Map.of("reclaimed", Long.toString(r.spaceReclaimed()))), "local", 0L, 0L));
    return new ImagePruneReport(items.isEmpty() ? null : items, r.spaceReclaimed());
  }

  @Override
  public String importImage(InputStream tar, String repo, String tag, List<String> changes, String message,
      String platform) {
    ContainerCreator.validatePlatform(platform);
    ContainerConfig cfg = ChangeParser.apply(ContainerConfig.builder().build(), changes);
    String repoTag = repoTag(repo, tag);
    // Docker's history comment for an import without a message names the source; Berth imports from the body
    String comment = message == null || message.isEmpty() ? "Imported from -" : message;
    Image i = store().importRootfs(tar, ImageConfigs.toImage(cfg), repoTag, comment, Instant.now());
    ctx.events().image(i.id().toString(), "import", repoTag == null ? Map.of() : Map.of("name", repoTag));
    return i.id().toString();
  }

  @Override
  public void save(List<String> names, OutputStream out) {
    List<Image> images = new ArrayList<>();
    for (String n : names) {
      images.add(resolve(n));
    }
    store().save(names, out);
    for (Image i : images) {
      ctx.events().image(i.id().toString(), "save", Map.of());
    }
  }

  @Override
  public List<String> load(InputStream tar, boolean quiet) {
    List<String> loaded = store().load(tar);
    List<String> lines = new ArrayList<>();
    for (String n : loaded) {
      boolean isId = n.startsWith("sha256:");
      lines.add(isId ? "Loaded image ID: " + n : "Loaded image: " + n);
      ctx.events().image(n, "load", Map.of());
    }
    return lines;
  }

  @Override
  public IdResponse commit(String containerRef, String repo, String tag, String comment, String author, boolean pause,
      List<String> changes, ContainerConfig config) {
    Container c = ctx.registry().resolve(containerRef);
    ContainerRecord r = c.record();
    Image parent = store().resolve(r.imageId()).orElse(null);
    ContainerConfig base = config != null ? mergeOverride(r.config(), config) : r.config();
    ContainerConfig cfg = ChangeParser.apply(base, changes);
    String repoTag = repoTag(repo, tag);
    boolean paused = false;
    if (pause && c.status() == ContainerStatus.RUNNING) {
      ctx.runtime().pause(c.id());
      paused = true;
    }
    Image img;
    try {
      img = store().commit(ctx.snapshotter().upperDir(c.id()), parent, ImageConfigs.toImage(cfg), author, comment,
          String.join(" ", commandOf(r)), repoTag);
    } catch (NotFound e) {
      throw new Conflict("container " + c.id() + " has no filesystem to commit", e);
    } finally {
      if (paused) {
        ctx.runtime().resume(c.id());
      }
    }
    ctx.events().container(r, "commit", Map.of("comment", comment == null ? "" : comment,
        "imageID", img.id().toString(), "imageRef", repoTag == null ? "" : repoTag));
    return new IdResponse(img.id().toString());
  }

  /** repo plus tag; a repo that already ends in ":tag" keeps it (import's repo may carry one). */
  static String repoTag(String repo, String tag) {
    if (repo == null || repo.isEmpty()) {
      return null;
    }
    if (tag != null && !tag.isEmpty()) {
      return repo + ":" + tag;
    }
    boolean tagged = repo.lastIndexOf(':') > repo.lastIndexOf('/') || repo.contains("@");
    return tagged ? repo : repo + ":latest";
  }

  private static List<String> commandOf(ContainerRecord r) {
    List<String> cmd = new ArrayList<>();
    cmd.add(r.path());
    cmd.addAll(r.args());
    return cmd;
  }

  /** Docker's commit: the body's config fields replace the container's where given. */
  private static ContainerConfig mergeOverride(ContainerConfig base, ContainerConfig o) {
    ContainerConfig.Builder b = base.toBuilder();
    if (o.cmd() != null) {
      b.cmd(o.cmd());
    }
    if (o.entrypoint() != null) {
      b.entrypoint(o.entrypoint());
    }
    if (o.env() != null) {
      b.env(o.env());
    }
    if (o.labels() != null) {
      b.labels(o.labels());
    }
    if (o.user() != null && !o.user().isEmpty()) {
      b.user(o.user());
    }
    if (o.workingDir() != null && !o.workingDir().isEmpty()) {
      b.workingDir(o.workingDir());
    }
    if (o.exposedPorts() != null) {
      b.exposedPorts(o.exposedPorts());
    }
    if (o.volumes() != null) {
      b.volumes(o.volumes());
    }
    if (o.stopSignal() != null) {
      b.stopSignal(o.stopSignal());
    }
    return b.build();
  }
}
