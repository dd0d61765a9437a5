package berth.engine;

import berth.api.model.DockerTime;
import berth.api.model.Event;
import berth.api.model.EventActor;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link EventService} in memory: the last {@value #KEEP} events for {@code since}, and a queue
 * per subscriber for live ones (as Docker, events are not persisted across restarts).
 */
public final class EventBus implements EventService {
  static final int KEEP = 1024;
  private static final Event END = new Event(null, null, null, null, null, null, null, 0L, 0L);

  private final Deque<Event> recent = new ArrayDeque<>();
  private final List<Subscription> subscribers = new CopyOnWriteArrayList<>();
  private final List<java.util.function.Consumer<Event>> internal = new CopyOnWriteArrayList<>();

  /** Engine parts that react to events (health monitor); called on the publishing thread. */
  void subscribeInternal(java.util.function.Consumer<Event> listener) {
    internal.add(listener);
  }

  @Override
  public void publish(Event event) {
    Event e = event;
    if (e.timeNano() == null || e.timeNano() == 0) {
      long now = DockerTime.toNanos(Instant.now());
      e = new Event(e.status(), e.id(), e.from(), e.type(), e.action(), e.actor(), e.scope() == null ? "local" : e.scope(),
          now / 1_000_000_000L, now);
    }
    synchronized (recent) {
      recent.addLast(e);
      if (recent.size() > KEEP) {
        recent.removeFirst();
      }
      for (Subscription s : subscribers) {
        s.offer(e);
      }
    }
    for (java.util.function.Consumer<Event> l : internal) {
      l.accept(e);
    }
  }

  /** Publishes a container event with Docker's attributes (name, image, labels) plus {@code extra}. */
  public void container(ContainerRecord r, String action, Map<String, String> extra) {
    Map<String, String> attrs = new LinkedHashMap<>();
    if (r.config().labels() != null) {
      attrs.putAll(r.config().labels());
    }
    attrs.put("image", r.config().image());
    attrs.put("name", r.shortName());
    if (extra != null) {
      attrs.putAll(extra);
    }
    publish(new Event(action, r.id(), r.config().image(), "container", action, new EventActor(r.id(), attrs), "local",
        0L, 0L));
  }

  /** Publishes a network event (create, destroy, connect, disconnect); {@code container} may be null. */
  public void network(String id, String name, String type, String action, String container) {
    Map<String, String> a = new LinkedHashMap<>();
    if (container != null) {
      a.put("container", container);
    }
    a.put("name", name);
    a.put("type", type);
    publish(new Event(action, id, null, "network", action, new EventActor(id, a), "local", 0L, 0L));
  }

  /** Publishes an image event (import, tag, untag, delete, save, load, pull). */
  public void image(String id, String action, Map<String, String> attrs) {
    Map<String, String> a = attrs == null ? new LinkedHashMap<>() : new LinkedHashMap<>(attrs);
    publish(new Event(action, id, null, "image", action, new EventActor(id, a), "local", 0L, 0L));
  }

  @Override
  public BlockingSource<Event> subscribe(Instant since, Instant until, Map<String, List<String>> filters) {
    EventFilter filter = EventFilter.of(filters);
    long sinceNanos = since == null ? Long.MAX_VALUE : DockerTime.toNanos(since);
    long untilNanos = until == null ? Long.MAX_VALUE : DockerTime.toNanos(until);
    Subscription s = new Subscription(filter, untilNanos);
    synchronized (recent) {
      if (since != null) {
        for (Event e : recent) {
          if (e.timeNano() >= sinceNanos) {
            s.offer(e);
          }
        }
      }
      if (until != null && untilNanos <= DockerTime.toNanos(Instant.now())) {
        s.queue.add(END);
      } else {
        subscribers.add(s);
      }
    }
    return s;
  }

  public int listeners() {
    return subscribers.size();
  }

  private final class Subscription implements BlockingSource<Event> {
    final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    final EventFilter filter;
    final long untilNanos;
    volatile boolean closed;

    Subscription(EventFilter filter, long untilNanos) {
      this.filter = filter;
      this.untilNanos = untilNanos;
    }

    void offer(Event e) {
      if (filter.matches(e) && e.timeNano() <= untilNanos) {
        queue.add(e);
      }
    }

    @Override
    public Event next() throws InterruptedException {
      while (!closed) {
        long wait = untilNanos == Long.MAX_VALUE ? 1000
            : Math.max(1, (untilNanos - DockerTime.toNanos(Instant.now())) / 1_000_000);
        Event e = queue.poll(Math.min(wait, 1000), TimeUnit.MILLISECONDS);
        if (e == END) {
          close();
          return null;
        }
        if (e != null) {
          return e;
        }
        if (untilNanos != Long.MAX_VALUE && DockerTime.toNanos(Instant.now()) >= untilNanos) {
          close();
          return null;
        }
      }
      return queue.poll() instanceof Event e && e != END ? e : null;
    }

    @Override
    public void close() {
      closed = true;
      subscribers.remove(this);
      queue.add(END);
    }
  }

  /** Docker's event filters: values of one key OR-ed, keys AND-ed. */
  record EventFilter(Map<String, List<String>> f) {
    static final List<String> KEYS = List.of("type", "event", "container", "image", "label", "scope", "daemon",
        "network", "volume", "plugin", "node", "service", "secret", "config");

    static EventFilter of(Map<String, List<String>> filters) {
      Map<String, List<String>> m = filters == null ? Map.of() : filters;
      for (String k : m.keySet()) {
        if (!KEYS.contains(k)) {
          throw new berth.core.errors.InvalidArgument("invalid filter '" + k + "'");
        }
      }
      return new EventFilter(m);
    }

    boolean matches(Event e) {
      Map<String, String> attrs = e.actor() == null || e.actor().attributes() == null ? Map.of() : e.actor().attributes();
      String id = e.actor() == null ? "" : e.actor().id();
      String action = e.action() == null ? "" : e.action();
      String baseAction = action.contains(":") ? action.substring(0, action.indexOf(':')) : action;
      return any("type", v -> v.equals(e.type()))
          && any("event", v -> v.equals(action) || v.equals(baseAction))
          && any("scope", v -> v.equals(e.scope()))
          && any("container", v -> "container".equals(e.type()) && (id.startsWith(v) || v.equals(attrs.get("name"))))
          && any("image", v -> imageMatches(v, e, attrs, id))
          && any("label", v -> labelMatches(v, attrs))
          && any("daemon", v -> "daemon".equals(e.type()) && (v.equals(id) || v.equals(attrs.get("name"))))
          && any("network", v -> "network".equals(e.type()) && (id.startsWith(v) || v.equals(attrs.get("name"))))
          && any("volume", v -> "volume".equals(e.type()) && v.equals(id));
    }

    private static boolean imageMatches(String v, Event e, Map<String, String> attrs, String id) {
      List<String> candidates = new ArrayList<>();
      candidates.add(attrs.get("image"));
      if ("image".equals(e.type())) {
        candidates.add(id);
        candidates.add(attrs.get("name"));
      }
      for (String c : candidates) {
        if (c == null) {
          continue;
        }
        if (c.equals(v) || stripTag(c).equals(stripTag(v)) && !v.contains(":") || c.equals(v + ":latest")) {
          return true;
        }
      }
      return false;
    }

    private static String stripTag(String ref) {
      int slash = ref.lastIndexOf('/');
      int colon = ref.lastIndexOf(':');
      return colon > slash && !ref.startsWith("sha256:") ? ref.substring(0, colon) : ref;
    }

    private static boolean labelMatches(String v, Map<String, String> attrs) {
      int eq = v.indexOf('=');
      if (eq < 0) {
        return attrs.containsKey(v);
      }
      return v.substring(eq + 1).equals(attrs.get(v.substring(0, eq)));
    }

    private boolean any(String key, java.util.function.Predicate<String> p) {
      List<String> vals = f.get(key);
      if (vals == null || vals.isEmpty()) {
        return true;
      }
      return vals.stream().anyMatch(p);
    }
  }
}
