package berth.dockerfile;

import java.util.List;
import java.util.Locale;

/** "Did you mean ...?" hints: the closest option within an edit distance of 2, as Docker picks. */
final class Suggest {
  private Suggest() {}

  /** The closest option, or null when none is close or the value is itself an option. */
  static String closest(String value, List<String> options, boolean caseSensitive) {
    String v = caseSensitive ? value : value.toLowerCase(Locale.ROOT);
    String match = null;
    int best = 3;
    for (String opt : options) {
      String o = caseSensitive ? opt : opt.toLowerCase(Locale.ROOT);
      if (o.equals(v)) {
        return null;
      }
      int d = distance(v, o);
      if (d < best) {
        best = d;
        match = caseSensitive ? o : matchCase(o, value);
      }
    }
    return match;
  }

  private static String matchCase(String option, String original) {
    if (original.equals(original.toLowerCase(Locale.ROOT))) {
      return option.toLowerCase(Locale.ROOT);
    }
    if (original.equals(original.toUpperCase(Locale.ROOT))) {
      return option.toUpperCase(Locale.ROOT);
    }
    return option;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
