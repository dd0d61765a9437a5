package berth.registry.spec;

import java.util.regex.Pattern;

/**
 * Repository names and tags as the Distribution Spec defines them:
 * <pre>
 * name      = component ("/" component)*         ; at most 255 characters
 * component = [a-z0-9]+ ((\.|_|__|-+) [a-z0-9]+)*
 * tag       = [a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}
 * </pre>
 * Neither can contain "..", so both are safe as path segments in the store.
 */
public final class Names {
  private static final String COMPONENT = "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*";
  private static final Pattern NAME = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
  private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");

  private Names() {}

  public static boolean validName(String s) {
    return s != null && s.length() <= 255 && NAME.matcher(s).matches();
  }

  public static boolean validTag(String s) {
    return s != null && TAG.matcher(s).matches();
  }

  /** Checks {@code name}, throwing NAME_INVALID with the name in the message. */
  public static String name(String s) {
    if (!validName(s)) {
      throw ErrorCode.NAME_INVALID.error("invalid repository name: " + s);
    }
    return s;
  }
}
