package berth.compose;

import java.util.List;
import java.util.Map;

/** {@code up}'s choices: which services, recreate policy, orphans, scale overrides, waiting. */
public record UpOptions(List<String> services, boolean forceRecreate, boolean noRecreate, boolean removeOrphans,
    Map<String, Integer> scale, boolean noDeps, boolean noStart, boolean waitHealthy, Integer timeout) {

  public UpOptions {
    services = services == null ? List.of() : List.copyOf(services);
    scale = scale == null ? Map.of() : Map.copyOf(scale);
  }

  public static UpOptions defaults() {
    return new UpOptions(List.of(), false, false, false, Map.of(), false, false, false, null);
  }
}
