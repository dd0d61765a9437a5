package berth.engine;

/**
 * Output of logs, attach or exec. With {@link #tty()} the API writes frames raw; otherwise with
 * Docker's 8-byte multiplexing header.
 */
public interface FrameSource extends BlockingSource<Frame> {
  /** Whether the process has a TTY (raw stream, no multiplexing). */
  boolean tty();
}
