package berth.volume;

import berth.core.errors.InvalidArgument;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Docker's volume list and prune filters, checked up front so bad ones fail with 400. */
record VolumeFilter(Map<String, List<String>> f, boolean all) {
  private static final Set<String> LIST_KEYS = Set.of("dangling", "name", "label", "driver");
  private static final Set<String> PRUNE_KEYS = Set.of("label", "label!", "all");

  static VolumeFilter forList(Map<String, List<String>> filters) {
    Map<String, List<String>> f = filters == null ? Map.of() : filters;
    check(f, LIST_KEYS);
    for (String d : f.getOrDefault("dangling", List.of())) {
      bool("dangling", d);
    }
    return new VolumeFilter(f, false);
  }

  static VolumeFilter forPrune(Map<String, List<String>> filters) {
    Map<String, List<String>> f = filters == null ? Map.of() : filters;
    check(f, PRUNE_KEYS);
    boolean all = false;
    for (String a : f.getOrDefault("all", List.of())) {
      all |= bool("all", a);
    }
    return new VolumeFilter(f, all);
  }

  boolean matches(Volume v, boolean inUse) {
    for (String d : f.getOrDefault("dangling", List.of())) {
      if (bool("dangling", d) == inUse) {
        return false;
      }
    }
    List<String> names = f.getOrDefault("name", List.of());
    if (!names.isEmpty() && names.stream().noneMatch(n -> v.name().contains(n))) {
      return false;
    }
    List<String> drivers = f.getOrDefault("driver", List.of());
    if (!drivers.isEmpty() && !drivers.contains(v.driver())) {
      return false;
    }
    for (String l : f.getOrDefault("label", List.of())) {
      if (!hasLabel(v, l)) {
        return false;
      }
    }
    for (String l : f.getOrDefault("label!", List.of())) {
      if (hasLabel(v, l)) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasLabel(Volume v, String l) {
    int eq = l.indexOf('=');
    Map<String, String> labels = v.labels() == null ? Map.of() : v.labels();
    if (eq < 0) {
      return labels.containsKey(l);
    }
    return l.substring(eq + 1).equals(labels.get(l.substring(0, eq)));
  }

  private static void check(Map<String, List<String>> f, Set<String> keys) {
    for (String k : f.keySet()) {
      if (!keys.contains(k)) {
        throw new InvalidArgument("invalid filter '" + k + "'");
      }
    }
  }

  private static boolean bool(String key, String v) {
    return switch (v.toLowerCase()) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw new InvalidArgument("invalid filter '" + key + "=" + v + "'");
    };
  }
}
