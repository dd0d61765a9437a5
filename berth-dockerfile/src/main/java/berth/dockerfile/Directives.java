package berth.dockerfile;

/**
 * Parser directives found at the top of a Dockerfile ({@code # syntax=}, {@code # escape=},
 * {@code # check=}).
 *
 * @param syntax the {@code syntax} directive's value, null when absent
 * @param escape the escape character: {@code '\\'} by default, or {@code '`'}
 * @param check the {@code check} directive's value, null when absent
 */
public record Directives(String syntax, char escape, String check) {
  public static final Directives DEFAULT = new Directives(null, '\\', null);
}
