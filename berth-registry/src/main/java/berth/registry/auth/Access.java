package berth.registry.auth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One resource and the actions wanted on it, in the token scope grammar of Docker's token auth:
 * <pre>
 * scope   = type ":" name ":" actions      ; repository:library/busybox:pull,push
 * actions = action ("," action)*           ; pull | push | delete | *
 * </pre>
 * The name may contain ':' (a registry host with a port), so type is split at the first ':'
 * and actions at the last.
 */
public record Access(String type, String name, Set<String> actions) {
  public static Access repository(String name, String... actions) {
    return new Access("repository", name, new LinkedHashSet<>(List.of(actions)));
  }

  public static final Access CATALOG = new Access("registry", "catalog", Set.of("*"));

  /** Parses one scope; null when malformed (an unknown scope is ignored, as distribution does). */
  public static Access parse(String scope) {
    int first = scope.indexOf(':');
    int last = scope.lastIndexOf(':');
    if (first < 0 || last <= first) {
      return null;
    }
    Set<String> actions = new LinkedHashSet<>();
    for (String a : scope.substring(last + 1).split(",")) {
      if (!a.isBlank()) {
        actions.add(a.trim());
      }
    }
    return new Access(scope.substring(0, first), scope.substring(first + 1, last), actions);
  }

  /** Several scopes separated by spaces, as a challenge or token request may carry them. */
  public static List<Access> parseAll(List<String> scopes) {
    List<Access> out = new ArrayList<>();
    for (String s : scopes) {
      for (String one : s.trim().split(" +")) {
        Access a = one.isEmpty() ? null : parse(one);
        if (a != null) {
          out.add(a);
        }
      }
    }
    return out;
  }

  public Access withActions(Set<String> a) {
    return new Access(type, name, a);
  }

  @Override
  public String toString() {
    return type + ":" + name + ":" + String.join(",", actions);
  }
}
