package berth.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A URL query string built in order; null values are skipped so callers can pass optionals. */
public final class Query {
  private final StringBuilder sb = new StringBuilder();

  public static Query of() {
    return new Query();
  }

  public Query add(String key, Object value) {
    if (value == null) {
      return this;
    }
    sb.append(sb.isEmpty() ? '?' : '&')
        .append(URLEncoder.encode(key, StandardCharsets.UTF_8))
        .append('=')
        .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
    return this;
  }

  /** Adds {@code key=1} only when set, as the docker CLI does for boolean flags. */
  public Query flag(String key, boolean set) {
    return set ? add(key, "1") : this;
  }

  /** Docker's {@code filters} parameter: JSON of name → list of values; omitted when empty. */
  public Query filters(Map<String, List<String>> filters) {
    if (filters == null || filters.isEmpty()) {
      return this;
    }
    return add("filters", JsonTrees.writeString(filters));
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
