package berth.cli.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Signal hooks for attached sessions, via {@code sun.misc.Signal} (in jdk.unsupported; the JDK
 * has no public API for SIGWINCH or for forwarding signals). Handlers are put back on close.
 */
public final class Signals implements AutoCloseable {
  /** What docker's sig-proxy forwards that the JVM lets us catch. */
  private static final List<String> PROXIED = List.of("INT", "TERM", "HUP", "USR2", "ALRM");
  private final List<Signal> installed = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();

  /** Calls {@code onResize} when the terminal window changes size. */
  public Signals onWinch(Runnable onResize) {
    install("WINCH", s -> onResize.run());
    return this;
  }

  /** Forwards catchable signals to the container (by name, as the kill API takes them). */
  public Signals proxy(Consumer<String> kill) {
    for (String name : PROXIED) {
      install(name, s -> kill.accept("SIG" + name));
    }
    return this;
  }

  private void install(String name, Consumer<Signal> action) {
    try {
      Signal sig = new Signal(name);
      previous.add(Signal.handle(sig, action::accept));
      installed.add(sig);
    } catch (IllegalArgumentException e) {
      // the JVM reserves this signal (or it does not exist here): nothing to forward
    }
  }

  @Override
  public void close() {
    for (int i = 0; i < installed.size(); i++) {
      try {
        Signal.handle(installed.get(i), previous.get(i));
      } catch (IllegalArgumentException ignored) {
        // could not restore: the CLI is exiting anyway
      }
    }
    installed.clear();
    previous.clear();
  }
}
