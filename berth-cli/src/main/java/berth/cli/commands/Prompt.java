package berth.cli.commands;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Docker's "Are you sure you want to continue? [y/N]" confirmation. */
final class Prompt {
  private Prompt() {}

  static boolean confirm(PrintStream out, String warning) {
    return confirm(System.in, out, warning);
  }

  /** Reads the answer from {@code in} (the command's own stdin). */
  static boolean confirm(java.io.InputStream in, PrintStream out, String warning) {
    out.print(warning + "\nAre you sure you want to continue? [y/N] ");
    out.flush();
    try {
      String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
      return line != null && (line.strip().equalsIgnoreCase("y") || line.strip().equalsIgnoreCase("yes"));
    } catch (IOException e) {
      return false;
    }
  }
}
