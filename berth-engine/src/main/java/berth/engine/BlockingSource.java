package berth.engine;

/**
 * A stream of items produced by the engine (events, stats samples, output frames) that the API
 * copies to the client. {@link #next()} blocks for the next item and returns null at the end;
 * {@link #close()} may be called from any thread and makes a blocked {@code next()} return null.
 *
 * <pre>{@code
 * try (BlockingSource<Event> events = eventService.subscribe(null, null, Map.of())) {
 *   for (Event e; (e = events.next()) != null; ) { write(e); }
 * }
 * }</pre>
 */
public interface BlockingSource<T> extends AutoCloseable {
  /** The next item, blocking; null once the stream has ended or was closed. */
  T next() throws InterruptedException;

  /** Ends the stream; idempotent. */
  @Override
  void close();
}
