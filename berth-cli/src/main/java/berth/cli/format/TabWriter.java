package berth.cli.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Go's {@code text/tabwriter} as docker configures it ({@code minwidth 10, tabwidth 1, padding 3,
 * pad ' '}): tab-terminated cells are aligned in column blocks; the last cell of a line is not.
 * Widths count code points, as Go counts runes.
 */
public final class TabWriter {
  private final int minWidth;
  private final int padding;

  public TabWriter(int minWidth, int padding) {
    this.minWidth = minWidth;
    this.padding = padding;
  }

  /** Docker's table settings. */
  public static TabWriter docker() {
    return new TabWriter(10, 3);
  }

  public String format(String text) {
    boolean trailingNewline = text.endsWith("\n");
    String body = trailingNewline ? text.substring(0, text.length() - 1) : text;
    List<String[]> lines = new ArrayList<>();
    for (String l : body.split("\n", -1)) {
      lines.add(l.split("\t", -1));
    }
    StringBuilder out = new StringBuilder();
    format(out, lines, new ArrayList<>(), 0, lines.size());
    if (!trailingNewline && out.length() > 0) {
      out.setLength(out.length() - 1);
    }
    return out.toString();
  }

  /** The recursive column-block walk of Go's tabwriter.format. */
  private void format(StringBuilder out, List<String[]> lines, List<Integer> widths, int line0, int line1) {
    int column = widths.size();
    for (int i = line0; i < line1; i++) {
      if (column >= lines.get(i).length - 1) {
        continue;
      }
      writeLines(out, lines, widths, line0, i);
      line0 = i;
      int width = minWidth;
      for (; i < line1; i++) {
        String[] cells = lines.get(i);
        if (column >= cells.length - 1) {
          break;
        }
        width = Math.max(width, len(cells[column]) + padding);
      }
      widths.add(width);
      format(out, lines, widths, line0, i);
      widths.removeLast();
      line0 = i;
      i--; // the outer loop's increment must not skip the line that ended the block
    }
    writeLines(out, lines, widths, line0, line1);
  }

  private static void writeLines(StringBuilder out, List<String[]> lines, List<Integer> widths, int from, int to) {
    for (int i = from; i < to; i++) {
      String[] cells = lines.get(i);
      for (int j = 0; j < cells.length; j++) {
        out.append(cells[j]);
        if (j < widths.size() && j < cells.length - 1) {
          char[] pad = new char[Math.max(0, widths.get(j) - len(cells[j]))];
          Arrays.fill(pad, ' ');
          out.append(pad);
        }
      }
      out.append('\n');
    }
  }

  private static int len(String s) {
    return s.codePointCount(0, s.length());
  }
}
