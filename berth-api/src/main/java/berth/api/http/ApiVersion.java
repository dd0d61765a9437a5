package berth.api.http;

import berth.core.errors.InvalidArgument;

/**
 * An Engine API version like 1.47, from the path prefix. Requests without a prefix are served as
 * the newest version, as Docker does.
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
  public static final ApiVersion MIN = new ApiVersion(1, 24);
  public static final ApiVersion MAX = new ApiVersion(1, 47);

  /** Parses "1.47"; 400 with Docker's wording when outside [MIN, MAX]. */
  public static ApiVersion check(String text) {
    ApiVersion v = parse(text);
    if (v.compareTo(MAX) > 0) {
      throw new InvalidArgument("client version " + text + " is too new. Maximum supported API version is " + MAX);
    }
    if (v.compareTo(MIN) < 0) {
      throw new InvalidArgument("client version " + text + " is too old. Minimum supported API version is " + MIN
          + ", please upgrade your client to a newer version");
    }
    return v;
  }

  static ApiVersion parse(String text) {
    String[] parts = text.split("\\.", -1);
    try {
      return new ApiVersion(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0);
    } catch (NumberFormatException e) {
      throw new InvalidArgument("invalid API version " + text);
    }
  }

  public boolean atLeast(int maj, int min) {
    return compareTo(new ApiVersion(maj, min)) >= 0;
  }

  @Override
  public int compareTo(ApiVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
