package berth.compose.load;

import berth.compose.ComposeException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Project names as Docker's compose makes and checks them. */
public final class ProjectName {
  private static final Pattern VALID = Pattern.compile("^[a-z0-9][a-z0-9_-]*$");

  private ProjectName() {}

  /** A directory name made into a project name: lower case, only {@code [a-z0-9_-]}, no leading {@code _-}. */
  public static String normalize(String s) {
    String n = s.toLowerCase(Locale.ROOT).replaceAll("[^-_a-z0-9]+", "");
    return n.replaceFirst("^[_-]+", "");
  }

  /** An explicit name (-p, name:, COMPOSE_PROJECT_NAME) must already be valid. */
  public static String check(String s) {
    if (!VALID.matcher(s).matches()) {
      throw new ComposeException("invalid project name \"" + s + "\": must consist only of lowercase alphanumeric"
          + " characters, hyphens, and underscores as well as start with a letter or number");
    }
    return s;
  }
}
