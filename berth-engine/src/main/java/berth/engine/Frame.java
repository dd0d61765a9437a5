package berth.engine;

import java.time.Instant;

/**
 * A chunk of container output, tagged with its stream. {@code data} is exactly what Docker sends
 * for it (with logs' timestamps already rendered when asked for); {@code timestamp} is when the
 * log entry was written (null for live attach output).
 */
public record Frame(Stream stream, byte[] data, Instant timestamp) {
  public Frame(Stream stream, byte[] data) {
    this(stream, data, null);
  }

  /** Docker's stream ids for the multiplexed framing (header byte 0). */
  public enum Stream {
    STDIN(0), STDOUT(1), STDERR(2);

    public final int id;

    Stream(int id) {
      this.id = id;
    }
  }
}
