package berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.api.model.Event;
import berth.api.model.EventActor;
import berth.core.errors.InvalidArgument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsAndEventsTest {
  @TempDir Path dir;

  @Test
  void logsReadConmonsFileWithStreamsTailAndTimestamps() throws Exception {
    try (EngineHarness h = new EngineHarness(dir)) {
      String id = h.create("logger");
      Files.writeString(dir.resolve("data/containers/" + id + "/ctr.log"), """
          2024-01-01T00:00:01.000000000Z stdout F one
          2024-01-01T00:00:02.000000000Z stderr F two
          2024-01-01T00:00:03.500000000Z stdout P thr
          2024-01-01T00:00:03.600000000Z stdout F ee
          """);
      List<Frame> all = read(h.engine.containers().logs(id, new LogOptions(true, true, null, null, false, false, -1)));
      assertThat(all).extracting(f -> new String(f.data())).containsExactly("one\n", "two\n", "three\n");
      assertThat(all).extracting(Frame::stream).containsExactly(Frame.Stream.STDOUT, Frame.Stream.STDERR,
          Frame.Stream.STDOUT);
      assertThat(all.get(0).timestamp()).isEqualTo(Instant.parse("2024-01-01T00:00:01Z"));
      List<Frame> tail = read(h.engine.containers().logs(id, new LogOptions(true, false, null, null, true, false, 1)));
      assertThat(tail).extracting(f -> new String(f.data()))
          .containsExactly("2024-01-01T00:00:03.500000000Z three\n");
      List<Frame> since = read(h.engine.containers().logs(id, new LogOptions(true, true,
          Instant.parse("2024-01-01T00:00:01.5Z"), null, false, false, -1)));
      assertThat(since).hasSize(2);
    }
  }

  private static List<Frame> read(FrameSource s) throws InterruptedException {
    List<Frame> out = new ArrayList<>();
    try (s) {
      for (Frame f; (f = s.next()) != null; ) {
        out.add(f);
      }
    }
    return out;
  }

  @Test
  void eventsReplayFilterAndEndAtUntil() throws Exception {
    EventBus bus = new EventBus();
    Instant before = Instant.now().minusSeconds(1);
    bus.publish(new Event("start", "c1", "busybox", "container", "start", new EventActor("c1",
        Map.of("name", "web", "image", "busybox", "tier", "front")), "local", 0L, 0L));
    bus.publish(new Event(null, null, null, "container", "exec_create: sh -c ls",
        new EventActor("c1", Map.of("name", "web", "image", "busybox")), "local", 0L, 0L));
    bus.image("sha256:abc", "tag", Map.of("name", "busybox:v2"));
    try (BlockingSource<Event> s = bus.subscribe(before, Instant.now().plusMillis(100), Map.of())) {
      int n = 0;
      while (s.next() != null) {
        n++;
      }
      assertThat(n).isEqualTo(3);
    }
    assertThat(count(bus, before, Map.of("event", List.of("exec_create")))).isEqualTo(1);
    assertThat(count(bus, before, Map.of("container", List.of("web")))).isEqualTo(2);
    assertThat(count(bus, before, Map.of("label", List.of("tier=front")))).isEqualTo(1);
    assertThat(count(bus, before, Map.of("image", List.of("busybox")))).isEqualTo(3);
    assertThat(count(bus, before, Map.of("type", List.of("image"), "event", List.of("tag", "untag")))).isEqualTo(1);
    assertThatThrownBy(() -> bus.subscribe(null, null, Map.of("colour", List.of("x"))))
        .isInstanceOf(InvalidArgument.class).hasMessage("invalid filter 'colour'");
    // a subscriber sees live events and can be closed from another thread
    BlockingSource<Event> live = bus.subscribe(null, null, Map.of());
    Thread.ofVirtual().start(() -> bus.image("sha256:def", "delete", Map.of()));
    assertThat(live.next().action()).isEqualTo("delete");
    Thread.ofVirtual().start(live::close);
    assertThat(live.next()).isNull();
    assertThat(bus.listeners()).isZero();
  }

  private static int count(EventBus bus, Instant since, Map<String, List<String>> f) throws InterruptedException {
    int n = 0;
    try (BlockingSource<Event> s = bus.subscribe(since, Instant.now(), f)) {
      while (s.next() != null) {
        n++;
      }
    }
    return n;
  }
}
