package berth.engine;

import berth.core.errors.InvalidArgument;
import berth.image.Image;
import berth.image.ImageStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * GET /containers/json filters, as Docker applies them: values of one filter are OR-ed, filters
 * AND-ed. id is a prefix, name a regular expression, label key or key=value, status/exited/health
 * exact, ancestor an image (by name, id or a parent), before/since containers by creation order.
 */
final class ContainerFilters {
  private static final Set<String> KEYS = Set.of("id", "name", "label", "status", "exited", "ancestor", "before",
      "since", "health", "network", "volume", "publish", "expose", "isolation", "is-task");
  private static final Set<String> STATUSES = Set.of("created", "restarting", "running", "removing", "paused",
      "exited", "dead");
  private static final Set<String> HEALTH = Set.of("starting", "healthy", "unhealthy", "none");

  private final Map<String, List<String>> f;
  private final Long beforeNanos;
  private final Long sinceNanos;
  private final List<String> ancestorIds;

  private ContainerNetworking net;

  private VolumeMounts volumes;

  /** Adds the volume seam for the volume filter (volume name or mount destination). */
  ContainerFilters withVolumes(VolumeMounts v) {
    this.volumes = v;
    return this;
  }

  /** Adds the networking seam for the network, publish and expose filters. */
  ContainerFilters withNetworking(ContainerNetworking n) {
    this.net = n;
    return this;
  }

  ContainerFilters(Map<String, List<String>> filters, ContainerRegistry registry, ImageStore images) {
    this.f = filters == null ? Map.of() : filters;
    for (Map.Entry<String, List<String>> e : f.entrySet()) {
      if (!KEYS.contains(e.getKey())) {
        throw new InvalidArgument("invalid filter '" + e.getKey() + "'");
      }
      for (String v : e.getValue()) {
        check(e.getKey(), v);
      }
    }
    beforeNanos = bound("before", registry);
    sinceNanos = bound("since", registry);
    ancestorIds = f.getOrDefault("ancestor", List.of()).stream()
        .map(a -> images.resolve(a).map(Image::id).map(Object::toString).orElse("missing:" + a)).toList();
  }

  private static void check(String key, String v) {
    switch (key) {
      case "status" -> {
        if (!STATUSES.contains(v)) {
          throw new InvalidArgument("invalid filter 'status=" + v + "'");
        }
      }
      case "health" -> {
        if (!HEALTH.contains(v)) {
          throw new InvalidArgument("Unrecognised filter value for health: " + v);
        }
      }
      case "exited" -> {
        try {
          Integer.parseInt(v);
        } catch (NumberFormatException e) {
          throw new InvalidArgument("invalid filter 'exited=" + v + "'");
        }
      }
      case "name" -> {
        try {
          Pattern.compile(v);
        } catch (PatternSyntaxException e) {
          throw new InvalidArgument("invalid filter 'name=" + v + "': " + e.getDescription());
        }
      }
      default -> { }
    }
  }

  private Long bound(String key, ContainerRegistry registry) {
    List<String> v = f.get(key);
    if (v == null || v.isEmpty()) {
      return null;
    }
    return registry.resolve(v.get(0)).record().createdNanos();
  }

  /** Docker treats a status or exited filter as "all containers". */
  boolean impliesAll() {
    return f.containsKey("status") || f.containsKey("exited");
  }

  boolean matches(ContainerRecord r) {
    ContainerRecord.State s = r.state();
    String health = s.health() == null || s.health().status() == null ? "none" : s.health().status();
    return any("id", v -> r.id().startsWith(v))
        && any("name", v -> Pattern.compile(v).matcher(r.name()).find()
            || Pattern.compile(v).matcher(r.shortName()).find())
        && all("label", v -> labelMatches(v, r.config().labels()))
        && any("status", v -> v.equals(s.status().toString()))
        && any("exited", v -> s.status() == ContainerStatus.EXITED && s.exitCode() == Integer.parseInt(v))
        && any("health", v -> v.equals(health))
        && any("isolation", v -> v.equals("default") || v.isEmpty())
        && any("network", v -> onNetwork(r, v))
        && any("publish", v -> portMatches(r, v, true))
        && any("expose", v -> portMatches(r, v, false))
        && anyAncestor(r)
        && (beforeNanos == null || r.createdNanos() < beforeNanos)
        && (sinceNanos == null || r.createdNanos() > sinceNanos)
        && any("volume", v -> usesVolume(r, v))
        && none("is-task");
  }

  /** Docker matches a volume's name or any mount's destination. */
  private boolean usesVolume(ContainerRecord r, String v) {
    List<berth.api.model.MountPoint> mounts = new java.util.ArrayList<>(ContainerViews.mountPoints(r.hostConfig()));
    if (volumes != null) {
      mounts.addAll(volumes.mountPoints(r.id()));
    }
    return mounts.stream().anyMatch(m -> v.equals(m.name()) || v.equals(m.destination()));
  }

  /** By network name or id (a prefix of it, as Docker), over the networks the container is on. */
  private boolean onNetwork(ContainerRecord r, String v) {
    for (String n : ContainerNetworking.networksOf(r.hostConfig(), r.networking())) {
      if (n.equals(v)) {
        return true;
      }
      if (net != null && net.enabled()) {
        try {
          var nw = net.service().inspect(n);
          if (nw.name().equals(v) || nw.id().startsWith(v)) {
            return true;
          }
        } catch (RuntimeException gone) {
          // network removed meanwhile
        }
      }
    }
    return false;
  }

  /** publish: a host port (or range) bound; expose: a container port exposed or published. */
  private boolean portMatches(ContainerRecord r, String v, boolean published) {
    String[] pp = v.split("/", 2);
    String proto = pp.length > 1 ? pp[1] : "tcp";
    String[] range = pp[0].split("-", 2);
    int lo;
    int hi;
    try {
      lo = Integer.parseInt(range[0]);
      hi = range.length > 1 ? Integer.parseInt(range[1]) : lo;
    } catch (NumberFormatException e) {
      throw new InvalidArgument("invalid filter '" + (published ? "publish" : "expose") + "=" + v + "'");
    }
    if (net == null) {
      return false;
    }
    for (Map.Entry<String, List<berth.api.model.PortBinding>> e : net.ports(r).entrySet()) {
      String[] kp = e.getKey().split("/", 2);
      if (!kp[1].equals(proto)) {
        continue;
      }
      if (!published) {
        int c = Integer.parseInt(kp[0]);
        if (c >= lo && c <= hi) {
          return true;
        }
      } else if (e.getValue() != null) {
        for (var b : e.getValue()) {
          int h = Integer.parseInt(b.hostPort());
          if (h >= lo && h <= hi) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private boolean anyAncestor(ContainerRecord r) {
    if (ancestorIds.isEmpty()) {
      return true;
    }
    return ancestorIds.contains(r.imageId())
        || f.get("ancestor").stream().anyMatch(a -> a.equals(r.config().image()));
  }

  /** Filters for things Berth containers never have yet (volumes, published ports): nothing matches. */
  private boolean none(String key) {
    List<String> v = f.get(key);
    return v == null || v.isEmpty() || key.equals("is-task") && v.contains("false");
  }

  private static boolean labelMatches(String v, Map<String, String> labels) {
    Map<String, String> l = Optional.ofNullable(labels).orElse(Map.of());
    int eq = v.indexOf('=');
    if (eq < 0) {
      return l.containsKey(v);
    }
    return v.substring(eq + 1).equals(l.get(v.substring(0, eq)));
  }

  private boolean all(String key, java.util.function.Predicate<String> p) {
    List<String> vals = f.get(key);
    return vals == null || vals.stream().allMatch(p);
  }

  private boolean any(String key, java.util.function.Predicate<String> p) {
    List<String> vals = f.get(key);
    return vals == null || vals.isEmpty() || vals.stream().anyMatch(p);
  }
}
