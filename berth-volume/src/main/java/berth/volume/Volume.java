package berth.volume;

import java.util.Map;

/**
 * A volume as stored and as `volume inspect` shows it. createdAt is RFC 3339 with seconds, as
 * Docker prints it; anonymous volumes carry Docker's "com.docker.volume.anonymous" label.
 */
public record Volume(
    String name, String driver, String mountpoint, String createdAt,
    Map<String, String> labels, Map<String, String> options, String scope) {

  /** Label Docker puts on volumes it created for an anonymous mount. */
  public static final String ANONYMOUS_LABEL = "com.docker.volume.anonymous";

  public boolean anonymous() {
    return labels != null && labels.containsKey(ANONYMOUS_LABEL);
  }
}
