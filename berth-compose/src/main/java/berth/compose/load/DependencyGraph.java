package berth.compose.load;

import berth.compose.ComposeException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Services and their depends_on edges: cycle detection and start order (dependencies first). */
public final class DependencyGraph {
  private final Map<String, Collection<String>> edges;

  public DependencyGraph(Map<String, Collection<String>> edges) {
    this.edges = edges;
  }

  /** Every service after the ones it depends on, otherwise in the given order; refuses cycles. */
  public List<String> startOrder() {
    List<String> order = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (String s : edges.keySet()) {
      visit(s, new LinkedHashSet<>(), done, order);
    }
    return order;
  }

  private void visit(String s, LinkedHashSet<String> path, Set<String> done, List<String> order) {
    if (done.contains(s)) {
      return;
    }
    if (!path.add(s)) {
      List<String> cycle = new ArrayList<>(path);
      cycle = new ArrayList<>(cycle.subList(cycle.indexOf(s), cycle.size()));
      cycle.add(s);
      throw new ComposeException("dependency cycle detected: " + String.join(" -> ", cycle));
    }
    for (String d : edges.getOrDefault(s, List.of())) {
      if (edges.containsKey(d)) {
        visit(d, path, done, order);
      }
    }
    path.remove(s);
    done.add(s);
    order.add(s);
  }

  /** {@code roots} and everything they depend on, transitively. */
  public Set<String> withDependencies(Collection<String> roots) {
    Set<String> out = new LinkedHashSet<>();
    List<String> todo = new ArrayList<>(roots);
    while (!todo.isEmpty()) {
      String s = todo.removeLast();
      if (out.add(s)) {
        todo.addAll(edges.getOrDefault(s, List.of()));
      }
    }
    return out;
  }

  /** Services that depend on any of {@code targets}, transitively (for stop order). */
  public Map<String, Collection<String>> edges() {
    return new LinkedHashMap<>(edges);
  }
}
