package berth.cli.run;

import berth.client.HijackedStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One attached session's terminal side: raw mode for {@code -t} with stdin, resize on start and on
 * SIGWINCH, signal forwarding for non-TTY sessions, and restoring everything on close — on every
 * exit path, including detach and errors.
 */
public final class Interactive implements AutoCloseable {
  private final boolean tty;
  private final boolean stdin;
  private final Terminal terminal = new Terminal();
  private final Signals signals = new Signals();

  public Interactive(boolean tty, boolean stdin) {
    this.tty = tty;
    this.stdin = stdin;
  }

  /** The size the create call sends as {@code ConsoleSize}: {rows, cols}. */
  public static int[] consoleSize(boolean tty) {
    return tty && Terminal.isTerminal() ? Terminal.size() : new int[] {0, 0};
  }

  /** Docker refuses {@code -it} when stdin is not a terminal. */
  public static void requireTerminal(boolean tty, boolean stdin) {
    if (tty && stdin && !Terminal.isTerminal()) {
      throw new berth.cli.CliError("the input device is not a TTY", 1);
    }
  }

  /** Raw mode, only when we own an interactive terminal. */
  public void prepare() {
    if (tty && stdin && Terminal.isTerminal()) {
      terminal.makeRaw();
    }
  }

  /** Sends the current size now and whenever the window changes; {@code resize(rows, cols)}. */
  public void monitorSize(BiConsumer<Integer, Integer> resize) {
    if (!tty || !Terminal.isTerminal()) {
      return;
    }
    Runnable send = () -> {
      int[] s = Terminal.size();
      if (s[0] > 0 && s[1] > 0) {
        try {
          resize.accept(s[0], s[1]);
        } catch (RuntimeException ignored) {
          // the container may have exited in the meantime
        }
      }
    };
    send.run();
    signals.onWinch(() -> Thread.ofVirtual().start(send));
  }

  public void proxySignals(Consumer<String> kill) {
    signals.proxy(sig -> Thread.ofVirtual().start(() -> {
      try {
        kill.accept(sig);
      } catch (RuntimeException ignored) {
        // the container is gone; the stream end tells the rest
      }
    }));
  }

  /** Streams stdin to the container and its output back until it ends or the user detaches (true). */
  public boolean stream(HijackedStream s, String detachKeys, java.io.InputStream in, OutputStream out, OutputStream err) {
    StreamSession session = new StreamSession(s, tty);
    if (stdin) {
      DetachKeys keys = tty ? new DetachKeys(DetachKeys.parse(detachKeys == null || detachKeys.isEmpty()
          ? DetachKeys.DEFAULT : detachKeys)) : null;
      session.pumpStdin(in, keys);
    }
    try {
      return session.pumpOutput(out, err);
    } catch (IOException e) {
      throw new UncheckedIOException("error reading container output: " + e.getMessage(), e);
    } finally {
      s.close();
    }
  }

  @Override
  public void close() {
    signals.close();
    terminal.restore();
  }
}
