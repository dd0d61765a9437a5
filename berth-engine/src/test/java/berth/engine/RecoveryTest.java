package berth.engine;

import static org.assertj.core.api.Assertions.assertThat;

import berth.api.model.ContainerInspect;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A daemon restart: same data root and runtime, new engine. */
class RecoveryTest {
  @TempDir Path dir;

  @Test
  void adoptsRunningReapsExitedAndRestartsAlways() throws Exception {
    FakeRuntime rt = new FakeRuntime();
    String alive;
    String died;
    String always;
    String stopped;
    try (EngineHarness h = new EngineHarness(dir, rt, null)) {
      alive = h.create("alive");
      died = h.create("died");
      always = h.engine.containers().create("always", EngineHarness.config(), EngineHarness.host("always", 0), null,
          null).id();
      stopped = h.create("stopped");
      for (String id : new String[] {alive, died, always}) {
        h.engine.containers().start(id);
      }
    }
    // while berthd was away: two containers exited; conmon recorded their codes
    rt.listeners.clear();
    rt.states.put(died, "stopped");
    rt.exitCodes.put(died, 3);
    rt.states.remove(always);
    rt.exitCodes.put(always, 1);
    rt.calls.clear();
    try (EngineHarness h = new EngineHarness(dir, rt, null)) {
      ContainerService cs = h.engine.containers();
      assertThat(cs.inspect("alive", false).state().status()).isEqualTo("running");
      ContainerInspect d = cs.inspect("died", false);
      assertThat(d.state().status()).isEqualTo("exited");
      assertThat(d.state().exitCode()).isEqualTo(3);
      assertThat(cs.inspect("always", false).state().status()).isEqualTo("running");
      assertThat(rt.calls).contains("start " + always).doesNotContain("start " + alive);
      assertThat(cs.inspect("stopped", false).state().status()).isEqualTo("created");
      // the adopted container's exit is still seen
      rt.exit(alive, 0);
      for (int i = 0; i < 100 && !cs.inspect(alive, false).state().status().equals("exited"); i++) {
        Thread.sleep(20);
      }
      assertThat(cs.inspect(alive, false).state().status()).isEqualTo("exited");
      assertThat(stopped).isNotNull();
    }
  }
}
