package berth.dockerfile;

import java.util.regex.Pattern;

/**
 * One here-document attached to RUN, COPY or ADD.
 *
 * @param name the delimiter word without quotes and without the {@code <<}/{@code <<-} prefix
 * @param content the body exactly as written (each line ending in its newline, leading tabs kept)
 * @param expand false when the delimiter was quoted: the body is then taken literally
 * @param chomp true for {@code <<-}, which strips leading tabs
 */
public record Heredoc(String name, String content, boolean expand, boolean chomp) {
  private static final Pattern LEADING_TABS = Pattern.compile("(?m)^\t+");

  /** The body as the file or script receives it: leading tabs stripped when {@link #chomp}. */
  public String data() {
    return chomp ? LEADING_TABS.matcher(content).replaceAll("") : content;
  }
}
