package berth.cli.format;

import berth.cli.template.Template;
import java.util.List;

/**
 * Docker's {@code --format} handling for list commands: "" or "table" means the default table,
 * "json" means {@code {{json .}}} per line, "table TEMPLATE" renders a header (the template run
 * over the header names) and aligns the rows with docker's tabwriter; anything else is a bare
 * template, one line per item. Literal {@code \t} and {@code \n} in the flag become tab and newline.
 */
public final class OutputFormat {
  private final String template;
  private final boolean table;

  private OutputFormat(String template, boolean table) {
    this.template = template;
    this.table = table;
  }

  /** @param format the user's flag (may be null) @param defaultTable the command's table, without "table " */
  public static OutputFormat of(String format, String defaultTable) {
    String f = format == null ? "" : format;
    if (f.isEmpty() || f.equals("table")) {
      return new OutputFormat(unescape(defaultTable), true);
    }
    if (f.equals("json")) {
      return new OutputFormat("{{json .}}", false);
    }
    if (f.startsWith("table")) {
      return new OutputFormat(unescape(f.substring("table".length()).strip()), true);
    }
    return new OutputFormat(unescape(f), false);
  }

  public boolean isTable() {
    return table;
  }

  /** Renders rows (and the header in table mode); the result ends with a newline per line. */
  public String render(Object header, List<?> rows) {
    Template t = Template.parse(template);
    StringBuilder sb = new StringBuilder();
    if (table) {
      sb.append(t.execute(header)).append('\n');
    }
    for (Object row : rows) {
      sb.append(t.execute(row)).append('\n');
    }
    return table ? TabWriter.docker().format(sb.toString()) : sb.toString();
  }

  private static String unescape(String s) {
    return s.replace("\\t", "\t").replace("\\n", "\n");
  }
}
