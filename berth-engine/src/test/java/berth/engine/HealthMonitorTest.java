package berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import berth.api.model.ContainerConfig;
import berth.api.model.Event;
import berth.api.model.HealthConfig;
import berth.runtime.ExecRequest;
import berth.runtime.ExecSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthMonitorTest {
  @TempDir Path dir;

  /** Exec exit codes come from a script: healthy, then failing. */
  static final class ScriptedRuntime extends FakeRuntime {
    final AtomicInteger probes = new AtomicInteger();
    final int[] codes;

    ScriptedRuntime(int... codes) {
      this.codes = codes;
    }

    @Override
    public ExecSession exec(String id, ExecRequest r) {
      int n = probes.getAndIncrement();
      int code = codes[Math.min(n, codes.length - 1)];
      FakeRuntime.FakeExec e = new FakeRuntime.FakeExec() {
        @Override
        public int waitFor() {
          return code;
        }
      };
      e.emit(berth.runtime.AttachSession.StreamType.STDOUT, "probe " + n + "\n");
      e.end();
      return e;
    }
  }

  @Test
  void healthGoesStartingHealthyUnhealthyWithEvents() throws Exception {
    ScriptedRuntime rt = new ScriptedRuntime(0, 1, 1);
    try (EngineHarness h = new EngineHarness(dir, rt, null);
        BlockingSource<Event> events = h.engine.events().subscribe(null, null, Map.of("event",
            List.of("health_status")))) {
      ContainerConfig c = ContainerConfig.builder().image("busybox")
          .healthcheck(new HealthConfig(List.of("CMD-SHELL", "true"), 50_000_000L, 1_000_000_000L, 2, null, null))
          .build();
      String id = h.engine.containers().create("hc", c, EngineHarness.host(), null, null).id();
      h.engine.containers().start(id);
      assertThat(h.engine.containers().inspect(id, false).state().health().status()).isEqualTo("starting");
      assertThat(events.next().action()).isEqualTo("health_status: healthy");
      assertThat(events.next().action()).isEqualTo("health_status: unhealthy");
      var health = h.engine.containers().inspect(id, false).state().health();
      assertThat(health.failingStreak()).isGreaterThanOrEqualTo(2);
      assertThat(health.log()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
      assertThat(health.log().get(0).output()).isEqualTo("probe 0\n");
      assertThat(h.engine.containers().list(false, 0, false, Map.of("health", List.of("unhealthy")))).hasSize(1);
      assertThat(h.engine.containers().list(false, 0, false, Map.of()).get(0).status()).endsWith("(unhealthy)");
    }
  }
}
