package berth.runtime;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A live connection to a container's (or exec's) stdio. Output arrives as frames tagged with the
 * stream they came from; with a TTY everything is {@link StreamType#STDOUT}.
 */
public interface AttachSession extends Closeable {
  /** Blocks for the next frame of output; null once the process's output has ended. */
  Frame read() throws IOException;

  /** The process's stdin (writes go to the container); only when attached with stdin. */
  OutputStream stdin();

  /** Closes the process's stdin (EOF inside the container) without detaching output. */
  void closeStdin() throws IOException;

  /** Which stream a frame belongs to; the numbers are Docker's stream framing ids. */
  enum StreamType {
    STDIN(0), STDOUT(1), STDERR(2);

    public final int id;

    StreamType(int id) {
      this.id = id;
    }
  }

  /** A chunk of output. */
  record Frame(StreamType stream, byte[] data) {}
}
