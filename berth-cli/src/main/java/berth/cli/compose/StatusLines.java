package berth.cli.compose;

import berth.compose.Progress;
import java.io.PrintStream;

/**
 * Docker compose's status lines. On a terminal each finished step is one line,
 * {@code  ✔ Container x-web-1  Started}; otherwise every step is printed as it happens, as compose's
 * plain progress does ({@code  Container x-web-1  Starting}, then {@code Started}).
 */
final class StatusLines implements Progress {
  private final PrintStream out;
  private final boolean tty;

  StatusLines(PrintStream out, boolean tty) {
    this.out = out;
    this.tty = tty;
  }

  @Override
  public synchronized void event(String kind, String name, String status, boolean done) {
    if (tty) {
      if (done) {
        String mark = status.equals("Error") ? "\u001b[31m✘\u001b[0m" : "\u001b[32m✔\u001b[0m";
        out.println(" " + mark + " " + kind + " " + name + "  " + status);
      }
    } else {
      out.println(" " + kind + " " + name + "  " + status);
    }
    out.flush();
  }
}
