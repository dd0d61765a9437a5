package berth.compose;

import berth.client.BerthClient;
import berth.client.Response;
import berth.core.errors.BerthException;
import berth.core.errors.NotFound;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The project brought to the state its files describe, through the Engine API only. {@code up}
 * pulls what is missing, then creates networks and volumes, then converges every service in
 * parallel, each once its dependencies are started, healthy or completed as asked. A service whose
 * config hash changed is recreated; the others are left alone.
 */
public final class ComposeService {
  private final BerthClient c;
  private final Progress progress;
  private final Consumer<String> warnings;
  private final ProjectResources resources;

  public ComposeService(BerthClient c, Progress progress, Consumer<String> warnings) {
    this.c = c;
    this.progress = progress;
    this.warnings = warnings;
    this.resources = new ProjectResources(c, progress);
  }

  /** The selected services and, unless {@code noDeps}, what they depend on, in start order. */
  public static List<Service> selection(Project p, Collection<String> names, boolean noDeps) {
    names.forEach(p::service);
    Set<String> wanted = names.isEmpty() ? p.services().keySet() : new LinkedHashSet<>(names);
    Map<String, Collection<String>> edges = new LinkedHashMap<>();
    p.services().values().forEach(s -> edges.put(s.name(), dependencies(s, p)));
    berth.compose.load.DependencyGraph g = new berth.compose.load.DependencyGraph(edges);
    Set<String> chosen = noDeps ? wanted : g.withDependencies(wanted);
    return g.startOrder().stream().filter(chosen::contains).map(p::service).toList();
  }

  static List<String> dependencies(Service s, Project p) {
    List<String> out = new ArrayList<>();
    s.dependsOn().keySet().stream().filter(p.services()::containsKey).forEach(out::add);
    String mode = s.config().path("network_mode").asText("");
    if (mode.startsWith("service:")) {
      out.add(mode.substring("service:".length()));
    }
    return out;
  }

  public void up(Project p, UpOptions o) {
    List<Service> services = selection(p, o.services(), o.noDeps());
    resources.ensureImages(p, services);
    List<JsonNode> existing = ProjectContainers.list(c, p.name(), true, false);
    orphans(p, existing, o.removeOrphans(), o.timeout());
    Set<String> nets = new LinkedHashSet<>();
    Set<String> vols = new LinkedHashSet<>();
    services.forEach(s -> {
      nets.addAll(s.networks());
      vols.addAll(s.namedVolumes());
    });
    resources.ensureNetworks(p, nets);
    resources.ensureVolumes(p, vols);
    Map<String, CompletableFuture<List<String>>> started = new LinkedHashMap<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Service s : services) {
        List<CompletableFuture<List<String>>> deps = new ArrayList<>();
        dependencies(s, p).stream().filter(started::containsKey).forEach(d -> deps.add(started.get(d)));
        started.put(s.name(), CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new))
            .thenApplyAsync(v -> {
              awaitDependencies(p, s, started, o.noStart());
              return new Convergence(c, progress, p, s, o, existing, started).run();
            }, pool));
      }
      joinAll(started.values());
    }
    if (o.waitHealthy()) {
      for (Service s : services) {
        for (JsonNode ctr : ProjectContainers.list(c, p.name(), true, false)) {
          if (ProjectContainers.service(ctr).equals(s.name())) {
            awaitHealthy(ProjectContainers.id(ctr), ProjectContainers.name(ctr), true);
          }
        }
      }
    }
  }

  private void awaitDependencies(Project p, Service s, Map<String, CompletableFuture<List<String>>> started, boolean noStart) {
    if (noStart) {
      return;
    }
    for (Map.Entry<String, String> dep : s.dependsOn().entrySet()) {
      CompletableFuture<List<String>> f = started.get(dep.getKey());
      if (f == null) {
        continue;
      }
      for (String id : f.join()) {
        String name = ProjectContainers.name(c.containers().inspect(id, false)).replaceFirst("^/", "");
        switch (dep.getValue()) {
          case "service_healthy" -> awaitHealthy(id, name, false);
          case "service_completed_successfully" -> awaitCompletion(id, name, dep.getKey());
          default -> { }
        }
      }
    }
  }

  /** Polls until healthy; with {@code runningSuffices} a container without health check passes once running. */
  void awaitHealthy(String id, String name, boolean runningSuffices) {
    progress.event("Container", name, "Waiting", false);
    while (true) {
      JsonNode st = c.containers().inspect(id, false).path("State");
      JsonNode health = st.get("Health");
      String status = st.path("Status").asText();
      if (health == null || health.isNull() || health.path("Status").asText().isEmpty()) {
        if (runningSuffices && status.equals("running")) {
          progress.event("Container", name, "Healthy", true);
          return;
        }
        if (!runningSuffices) {
          throw new ComposeException("dependency failed to start: container " + name + " has no healthcheck configured");
        }
      } else if (health.path("Status").asText().equals("healthy")) {
        progress.event("Container", name, "Healthy", true);
        return;
      } else if (health.path("Status").asText().equals("unhealthy")) {
        progress.event("Container", name, "Error", true);
        throw new ComposeException("dependency failed to start: container " + name + " is unhealthy");
      }
      if (status.equals("exited") || status.equals("dead")) {
        progress.event("Container", name, "Error", true);
        throw new ComposeException("dependency failed to start: container " + name + " exited ("
            + st.path("ExitCode").asInt() + ")");
      }
      sleep(100);
    }
  }

  private void awaitCompletion(String id, String name, String service) {
    progress.event("Container", name, "Waiting", false);
    int code;
    try (Response r = c.containers().waitFor(id, "not-running")) {
      code = r.json().path("StatusCode").asInt();
    }
    if (code != 0) {
      progress.event("Container", name, "Error", true);
      throw new ComposeException("service \"" + service + "\" didn't complete successfully: exit " + code);
    }
    progress.event("Container", name, "Exited", true);
  }

  private void orphans(Project p, List<JsonNode> existing, boolean remove, Integer timeout) {
    List<JsonNode> orphans = existing.stream().filter(ctr -> !p.defines(ProjectContainers.service(ctr))).toList();
    if (orphans.isEmpty()) {
      return;
    }
    if (!remove) {
      warnings.accept("Found orphan containers (" + orphans.stream().map(ProjectContainers::name).toList()
          .toString().replace(",", "") + ") for this project. If you removed or renamed this service in your compose file,"
          + " you can run this command with the --remove-orphans flag to clean it up.");
      return;
    }
    parallel(orphans, ctr -> removeContainer(ctr, timeout, false));
  }

  // ---- down and the per-container verbs ----

  public void down(Project p, boolean volumes, boolean removeOrphans, Integer timeout, String rmi) {
    List<JsonNode> all = ProjectContainers.list(c, p.name(), true, null);
    List<JsonNode> ours = new ArrayList<>();
    List<JsonNode> orphans = new ArrayList<>();
    for (JsonNode ctr : all) {
      (p.defines(ProjectContainers.service(ctr)) || ProjectContainers.oneoff(ctr) ? ours : orphans).add(ctr);
    }
    if (removeOrphans) {
      ours.addAll(orphans);
    } else if (!orphans.isEmpty()) {
      warnings.accept("Found orphan containers (" + orphans.stream().map(ProjectContainers::name).toList().toString()
          .replace(",", "") + ") for this project. If you removed or renamed this service in your compose file,"
          + " you can run this command with the --remove-orphans flag to clean it up.");
    }
    inReverseOrder(p, ours, ctr -> removeContainer(ctr, timeout, volumes));
    resources.removeNetworks(p);
    if (volumes) {
      resources.removeVolumes(p);
    }
    if (rmi != null) {
      resources.removeImages(p, rmi);
    }
  }

  void removeContainer(JsonNode ctr, Integer timeout, boolean volumes) {
    String name = ProjectContainers.name(ctr);
    String id = ProjectContainers.id(ctr);
    if (!ProjectContainers.state(ctr).equals("exited") && !ProjectContainers.state(ctr).equals("created")) {
      progress.event("Container", name, "Stopping", false);
      c.containers().stop(id, timeout, null);
      progress.event("Container", name, "Stopped", true);
    }
    progress.event("Container", name, "Removing", false);
    try {
      c.containers().remove(id, true, volumes, false);
    } catch (NotFound e) {
      // gone meanwhile (an --rm run container): what we wanted
    }
    progress.event("Container", name, "Removed", true);
  }

  /**
   * Acts on the containers of the project's services, dependents first: a service's containers
   * go as soon as every service depending on it is done, all others at once, as compose does.
   * One-off and unknown services' containers go first.
   */
  public void inReverseOrder(Project p, List<JsonNode> containers, Consumer<JsonNode> action) {
    Map<String, List<JsonNode>> byService = new LinkedHashMap<>();
    p.services().keySet().forEach(s -> byService.put(s, new ArrayList<>()));
    List<JsonNode> rest = new ArrayList<>();
    for (JsonNode ctr : containers) {
      List<JsonNode> l = byService.get(ProjectContainers.service(ctr));
      (l == null || ProjectContainers.oneoff(ctr) ? rest : l).add(ctr);
    }
    parallel(rest, action);
    Map<String, List<String>> dependents = new LinkedHashMap<>();
    p.services().values().forEach(s -> dependencies(s, p).forEach(d -> dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(s.name())));
    Map<String, CompletableFuture<Void>> done = new LinkedHashMap<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<String> order = new ArrayList<>(selection(p, List.of(), false).stream().map(Service::name).toList());
      java.util.Collections.reverse(order); // dependents before what they depend on
      for (String s : order) {
        List<CompletableFuture<Void>> before = dependents.getOrDefault(s, List.of()).stream().map(done::get)
            .filter(java.util.Objects::nonNull).toList();
        done.put(s, CompletableFuture.allOf(before.toArray(CompletableFuture[]::new))
            .thenRunAsync(() -> parallel(byService.get(s), action), pool));
      }
      joinAll(done.values());
    }
  }

  /** Acts on the containers of the selected services in start order. */
  public void inOrder(Project p, List<JsonNode> containers, Consumer<JsonNode> action) {
    for (Service s : selection(p, List.of(), false)) {
      parallel(containers.stream().filter(ctr -> ProjectContainers.service(ctr).equals(s.name())).toList(), action);
    }
  }

  static void parallel(List<JsonNode> items, Consumer<JsonNode> action) {
    if (items.size() == 1) {
      action.accept(items.getFirst());
      return;
    }
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<CompletableFuture<Void>> fs = items.stream().map(i -> CompletableFuture.runAsync(() -> action.accept(i), pool)).toList();
      joinAll(fs);
    }
  }

  static <T> void joinAll(Collection<? extends CompletableFuture<? extends T>> fs) {
    RuntimeException first = null;
    for (CompletableFuture<? extends T> f : fs) {
      try {
        f.join();
      } catch (CompletionException e) {
        if (first == null) {
          first = e.getCause() instanceof RuntimeException r ? r : e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /** The containers of the named services (all when empty), not {@code run} ones. */
  public List<JsonNode> containers(Project p, List<String> services, boolean all) {
    services.forEach(p::service);
    return ProjectContainers.list(c, p.name(), all, false).stream()
        .filter(ctr -> services.isEmpty() || services.contains(ProjectContainers.service(ctr))).toList();
  }

  /** What {@code run} needs before its container: dependencies up (unless noDeps), image, networks, volumes. */
  public void prepareRun(Project p, Service s, boolean noDeps) {
    List<String> deps = dependencies(s, p);
    if (!noDeps && !deps.isEmpty()) {
      up(p, new UpOptions(deps, false, false, false, Map.of(), false, false, false, null));
    }
    resources.ensureImages(p, List.of(s));
    resources.ensureNetworks(p, s.networks());
    resources.ensureVolumes(p, s.namedVolumes());
  }

  public void pull(Project p, List<String> names) {
    for (Service s : selection(p, names, true)) {
      if (s.config().has("image")) {
        resources.pull(s.name(), s.image(p.name()));
      }
    }
  }

  public void build(Project p, List<String> names) {
    for (Service s : selection(p, names, true)) {
      if (s.hasBuild()) {
        ImageBuild.build(c, p, s, progress);
      }
    }
  }

  public BerthClient client() {
    return c;
  }

  public Progress progress() {
    return progress;
  }

  /** A one-off {@code run} container of a service: created (not started), labelled oneoff. */
  public String createOneoff(Project p, Service s, ObjectNode overrides, String name) {
    ObjectNode body = ContainerSpecs.build(p, s, 1, ContainerSpecs.configHash(s), true, firstContainerOfMode(p, s));
    overrides.properties().forEach(e -> body.set(e.getKey(), e.getValue()));
    return c.containers().create(name, body).id();
  }

  String firstContainerOfMode(Project p, Service s) {
    String mode = s.config().path("network_mode").asText("");
    if (!mode.startsWith("service:")) {
      return null;
    }
    String target = mode.substring("service:".length());
    return containers(p, List.of(target), false).stream().findFirst().map(ProjectContainers::id)
        .orElseThrow(() -> new ComposeException("service " + target + " has no running container for network_mode of " + s.name()));
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ComposeException("interrupted");
    }
  }

  static String describe(BerthException e) {
    return "Error response from daemon: " + e.getMessage();
  }
}
