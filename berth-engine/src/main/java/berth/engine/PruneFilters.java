package berth.engine;

import berth.api.model.DockerTime;
import berth.core.errors.InvalidArgument;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The filters prune accepts: until (timestamp or duration), label, label! (and dangling for images). */
record PruneFilters(Long untilNanos, List<String> labels, List<String> notLabels, Boolean dangling) {
  static PruneFilters of(Map<String, List<String>> f) {
    Map<String, List<String>> m = f == null ? Map.of() : f;
    for (String k : m.keySet()) {
      if (!List.of("until", "label", "label!", "dangling").contains(k)) {
        throw new InvalidArgument("invalid filter '" + k + "'");
      }
    }
    Long until = null;
    if (m.containsKey("until") && !m.get("until").isEmpty()) {
      until = parseUntil(m.get("until").get(0));
    }
    Boolean dangling = null;
    if (m.containsKey("dangling") && !m.get("dangling").isEmpty()) {
      String d = m.get("dangling").get(0);
      if (!d.equals("true") && !d.equals("false") && !d.equals("1") && !d.equals("0")) {
        throw new InvalidArgument("invalid filter 'dangling=" + d + "'");
      }
      dangling = d.equals("true") || d.equals("1");
    }
    return new PruneFilters(until, m.getOrDefault("label", List.of()), m.getOrDefault("label!", List.of()), dangling);
  }

  /** A Unix timestamp (seconds, optional fraction), an RFC 3339 time, or a Go duration before now. */
  static long parseUntil(String v) {
    try {
      if (v.matches("\\d+(\\.\\d+)?")) {
        double secs = Double.parseDouble(v);
        return (long) (secs * 1_000_000_000L);
      }
      if (v.matches("(\\d+(\\.\\d+)?(ns|us|ms|s|m|h))+")) {
        return DockerTime.toNanos(Instant.now().minus(goDuration(v)));
      }
      return DockerTime.toNanos(DockerTime.parse(v));
    } catch (RuntimeException e) {
      throw new InvalidArgument("invalid filter 'until=" + v + "'", e);
    }
  }

  static Duration goDuration(String v) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|ms|s|m|h)").matcher(v);
    double nanos = 0;
    while (m.find()) {
      double n = Double.parseDouble(m.group(1));
      nanos += n * switch (m.group(2)) {
        case "ns" -> 1;
        case "us" -> 1e3;
        case "ms" -> 1e6;
        case "s" -> 1e9;
        case "m" -> 60e9;
        default -> 3600e9;
      };
    }
    return Duration.ofNanos((long) nanos);
  }

  boolean matches(long createdNanos, Map<String, String> l) {
    Map<String, String> lab = l == null ? Map.of() : l;
    if (untilNanos != null && createdNanos >= untilNanos) {
      return false;
    }
    for (String x : labels) {
      if (!labelMatches(x, lab)) {
        return false;
      }
    }
    for (String x : notLabels) {
      if (labelMatches(x, lab)) {
        return false;
      }
    }
    return true;
  }

  private static boolean labelMatches(String v, Map<String, String> labels) {
    int eq = v.indexOf('=');
    return eq < 0 ? labels.containsKey(v) : v.substring(eq + 1).equals(labels.get(v.substring(0, eq)));
  }
}
