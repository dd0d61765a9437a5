package berth.cli.run;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The controlling terminal, driven through {@code stty} on {@code /dev/tty}. We chose stty over
 * JLine: raw mode, restore and size are three tiny commands, and JLine's native bits would add
 * megabytes and class-loading time to every CLI start, while only {@code -t} needs them.
 */
public final class Terminal {
  private static final File TTY = new File("/dev/tty");
  private String saved;

  /** True when stdin and stdout are both terminals. */
  public static boolean isTerminal() {
    java.io.Console c = System.console();
    return c != null && c.isTerminal();
  }

  /** Switches to raw mode (no echo, no line editing, no signals from ^C); remembers how to undo it. */
  public synchronized void makeRaw() {
    if (saved != null) {
      return;
    }
    saved = stty("-g").strip();
    stty("raw", "-echo");
    Runtime.getRuntime().addShutdownHook(new Thread(this::restore));
  }

  /** Restores the settings saved by {@link #makeRaw}; safe to call more than once. */
  public synchronized void restore() {
    if (saved == null) {
      return;
    }
    String s = saved;
    saved = null;
    stty(s);
  }

  /** Rows and columns, or {0, 0} when unknown. */
  public static int[] size() {
    try {
      String[] parts = stty("size").strip().split("\\s+");
      return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    } catch (RuntimeException e) {
      return new int[] {0, 0};
    }
  }

  private static String stty(String... args) {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "stty";
    System.arraycopy(args, 0, cmd, 1, args.length);
    try {
      Process p = new ProcessBuilder(cmd).redirectInput(TTY).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) {
        throw new IllegalStateException("stty " + String.join(" ", args) + " failed");
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("stty: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("stty interrupted", e);
    }
  }
}
