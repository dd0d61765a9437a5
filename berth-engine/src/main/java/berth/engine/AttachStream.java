package berth.engine;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A hijacked attach or exec session: output frames, and the process's stdin when it was asked
 * for. The engine watches stdin for the detach keys (default ctrl-p,ctrl-q); when they arrive the
 * session ends ({@link #next()} returns null) and {@link #detached()} is true.
 *
 * <pre>{@code
 * AttachStream s = containers.attach(id, opts);
 * virtualThread(() -> copy(socketIn, s.stdin()); s.closeStdin());
 * for (Frame f; (f = s.next()) != null; ) { writeFrame(f, s.tty()); }
 * s.close();
 * }</pre>
 */
public interface AttachStream extends FrameSource {
  /** Where to write the client's input; a sink that discards when stdin was not asked for. */
  OutputStream stdin();

  /** The client's input ended (half-close): EOF for the process's stdin. */
  void closeStdin() throws IOException;

  /** True when the session ended because the client typed the detach keys. */
  boolean detached();
}
