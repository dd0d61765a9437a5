package berth.registry.auth;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one account may do on repositories whose names match a glob ({@code *} matches anything,
 * slashes included). Without any rule in the configuration every authenticated account may do
 * everything, as distribution's htpasswd mode allows.
 */
public record AccessRule(String account, String nameGlob, Set<String> actions) {
  private Pattern pattern() {
    StringBuilder re = new StringBuilder();
    for (char c : nameGlob.toCharArray()) {
      re.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(re.toString());
  }

  /** The subset of {@code wanted} that {@code account} may do, under {@code rules}. */
  public static Set<String> permitted(List<AccessRule> rules, String account, Access wanted) {
    Set<String> all = Set.of("pull", "push", "delete", "*");
    if (account == null) {
      return Set.of();
    }
    if (rules.isEmpty()) {
      return intersect(wanted.actions(), all);
    }
    Set<String> allowed = new LinkedHashSet<>();
    for (AccessRule r : rules) {
      if ((r.account.equals(account) || r.account.equals("*")) && r.pattern().matcher(wanted.name()).matches()) {
        allowed.addAll(r.actions.contains("*") ? all : r.actions);
      }
    }
    if (wanted.type().equals("registry")) {
      // the catalog: any account with some rule covering every name
      return allowed.isEmpty() ? Set.of() : intersect(wanted.actions(), all);
    }
    return intersect(wanted.actions(), allowed);
  }

  private static Set<String> intersect(Set<String> a, Set<String> b) {
    Set<String> out = new LinkedHashSet<>(a);
    out.retainAll(b);
    return out;
  }
}
