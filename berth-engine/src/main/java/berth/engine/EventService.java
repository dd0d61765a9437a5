package berth.engine;

import berth.api.model.Event;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The event log: recent events are kept in memory for {@code since}, live ones are fanned out to
 * subscribers. Filters: type, event (action), container, image, label, scope, daemon, network,
 * volume; several values of one filter are OR-ed, different filters AND-ed.
 */
public interface EventService {
  /**
   * Past events from {@code since} (null: none), then live ones until {@code until} (null: until
   * closed). With {@code until} in the past the stream ends after the replay.
   */
  BlockingSource<Event> subscribe(Instant since, Instant until, Map<String, List<String>> filters);

  /** Records and broadcasts an event (time filled in when zero). */
  void publish(Event event);
}
