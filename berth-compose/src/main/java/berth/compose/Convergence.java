package berth.compose;

import berth.client.BerthClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One service brought to its wanted state: containers 1..n (the scale), each kept when its config
 * hash matches, recreated when it does not (or with --force-recreate, never with --no-recreate),
 * started when stopped; new ones created with the next free numbers; surplus ones (the highest
 * numbers) stopped and removed. Returns the ids of the service's containers.
 */
final class Convergence {
  private final BerthClient c;
  private final Progress progress;
  private final Project p;
  private final Service s;
  private final UpOptions o;
  private final List<JsonNode> existing;
  private final Map<String, CompletableFuture<List<String>>> started;

  Convergence(BerthClient c, Progress progress, Project p, Service s, UpOptions o, List<JsonNode> existing,
      Map<String, CompletableFuture<List<String>>> started) {
    this.c = c;
    this.progress = progress;
    this.p = p;
    this.s = s;
    this.o = o;
    this.existing = existing;
    this.started = started;
  }

  List<String> run() {
    String hash = ContainerSpecs.configHash(s);
    int want = o.scale().getOrDefault(s.name(), s.replicas());
    if (want > 1 && s.containerName() != null) {
      throw new ComposeException("services." + s.name() + ": can't set container_name and " + s.name()
          + " as container name must be unique");
    }
    List<JsonNode> mine = existing.stream().filter(ctr -> ProjectContainers.service(ctr).equals(s.name())).toList();
    List<JsonNode> keep = mine.subList(0, Math.min(want, mine.size()));
    List<JsonNode> surplus = mine.subList(keep.size(), mine.size());
    List<String> ids = new ArrayList<>();
    Set<Integer> used = new HashSet<>();
    keep.forEach(ctr -> used.add(ProjectContainers.number(ctr)));
    List<CompletableFuture<String>> work = new ArrayList<>();
    for (JsonNode ctr : keep) {
      work.add(CompletableFuture.supplyAsync(() -> keepOrRecreate(ctr, hash), Thread::startVirtualThread));
    }
    int next = 1;
    for (int i = keep.size(); i < want; i++) {
      while (used.contains(next)) {
        next++;
      }
      int number = next++;
      work.add(CompletableFuture.supplyAsync(() -> createAndStart(number, hash), Thread::startVirtualThread));
    }
    List<JsonNode> reversed = new ArrayList<>(surplus);
    java.util.Collections.reverse(reversed);
    ComposeService.joinAll(work);
    work.forEach(f -> ids.add(f.join()));
    for (JsonNode ctr : reversed) {
      new ComposeService(c, progress, w -> { }).removeContainer(ctr, o.timeout(), false);
    }
    return ids;
  }

  private String keepOrRecreate(JsonNode ctr, String hash) {
    String name = ProjectContainers.name(ctr);
    boolean diverged = !hash.equals(ProjectContainers.hash(ctr));
    if (o.forceRecreate() || (diverged && !o.noRecreate())) {
      progress.event("Container", name, "Recreate", false);
      String state = ProjectContainers.state(ctr);
      if (state.equals("running") || state.equals("paused") || state.equals("restarting")) {
        c.containers().stop(ProjectContainers.id(ctr), o.timeout(), null);
      }
      c.containers().remove(ProjectContainers.id(ctr), true, false, false);
      String id = create(ProjectContainers.number(ctr), hash, false);
      progress.event("Container", name, "Recreated", true);
      start(id, name);
      return id;
    }
    String id = ProjectContainers.id(ctr);
    if (o.noStart()) {
      return id;
    }
    if (ProjectContainers.state(ctr).equals("running")) {
      progress.event("Container", name, "Running", true);
    } else {
      start(id, name);
    }
    return id;
  }

  private String createAndStart(int number, String hash) {
    String name = ContainerSpecs.containerName(p, s, number);
    String id = create(number, hash, true);
    start(id, name);
    return id;
  }

  private String create(int number, String hash, boolean report) {
    String name = ContainerSpecs.containerName(p, s, number);
    if (report) {
      progress.event("Container", name, "Creating", false);
    }
    String modeContainer = null;
    String mode = s.config().path("network_mode").asText("");
    if (mode.startsWith("service:")) {
      List<String> ids = started.get(mode.substring("service:".length())).join();
      if (ids.isEmpty()) {
        throw new ComposeException("service " + mode.substring(8) + " has no container to share its network with " + s.name());
      }
      modeContainer = ids.getFirst();
    }
    ObjectNode body = ContainerSpecs.build(p, s, number, hash, false, modeContainer);
    String id = c.containers().create(name, body).id();
    if (report) {
      progress.event("Container", name, "Created", true);
    }
    return id;
  }

  private void start(String id, String name) {
    if (o.noStart()) {
      return;
    }
    progress.event("Container", name, "Starting", false);
    c.containers().start(id, null);
    progress.event("Container", name, "Started", true);
  }
}
