package berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import berth.testkit.BerthDaemon;
import berth.testkit.BerthTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Containers outlive berthd: restart policies across a restart, adoption after kill -9. */
@BerthTest
class SurvivalIT {

  private static String state(BerthDaemon d, String name, String format) {
    return d.docker("inspect", "-f", format, name).ok().outTrim();
  }

  @Test
  void alwaysRestartsAfterExitAndComesBackWithTheDaemon(BerthDaemon d) {
    String flappy = Names.unique("flappy");
    String always = Names.unique("always");
    d.docker("run", "-d", "--network", "none", "--restart", "always", "--name", flappy, "busybox",
        "sh", "-c", "sleep 1; exit 1").ok();
    d.docker("run", "-d", "--network", "none", "--restart", "always", "--name", always, "busybox", "sleep", "300").ok();
    try {
      BerthDaemon.eventually(Duration.ofSeconds(30), flappy + " restarted",
          () -> Integer.parseInt(d.docker("inspect", "-f", "{{.RestartCount}}", flappy).out().strip()) >= 1);
      d.restart();
      BerthDaemon.eventually(Duration.ofSeconds(30), always + " running after the restart",
          () -> d.docker("inspect", "-f", "{{.State.Running}}", always).out().strip().equals("true"));
      assertThat(d.docker("exec", always, "echo", "alive").ok().outTrim()).isEqualTo("alive");
    } finally {
      d.docker("rm", "-f", flappy, always);
    }
  }

  @Test
  void kill9OfTheDaemonLeavesContainersRunningAndAdoptable(BerthDaemon d) {
    String ticker = Names.unique("ticker");
    String quitter = Names.unique("quitter");
    String waiter = Names.unique("waiter");
    d.docker("run", "-d", "--network", "none", "--name", ticker, "busybox", "sh", "-c",
        "i=0; while true; do echo tick$i; i=$((i+1)); sleep 0.2; done").ok();
    d.docker("run", "-d", "--network", "none", "--name", quitter, "busybox", "sh", "-c", "sleep 2; exit 5").ok();
    d.docker("run", "-d", "--network", "none", "--name", waiter, "busybox", "sleep", "300").ok();
    try {
      long pid = Long.parseLong(state(d, ticker, "{{.State.Pid}}"));
      d.kill9();
      BerthDaemon.sleep(3500);
      assertThat(Files.exists(Path.of("/proc", Long.toString(pid)))).as("container survives kill -9 of berthd").isTrue();
      d.start();

      assertThat(state(d, ticker, "{{.State.Running}} {{.State.Pid}}")).isEqualTo("true " + pid);
      assertThat(state(d, quitter, "{{.State.Status}} {{.State.ExitCode}}")).isEqualTo("exited 5");
      String before = d.docker("logs", ticker).ok().out();
      BerthDaemon.sleep(1000);
      String after = d.docker("logs", "--tail", "1", ticker).ok().outTrim();
      assertThat(before).doesNotContain(after + "\n");
      assertThat(d.berth("exec", ticker, "echo", "still-here").ok().outTrim()).isEqualTo("still-here");

      // a waiter started before the stop must see the exit
      var stopper = Thread.ofVirtual().start(() -> d.docker("stop", "-t", "1", waiter));
      assertThat(d.docker("wait", waiter).ok().outTrim()).isEqualTo("137");
      stopper.join(Duration.ofSeconds(30));
      assertThat(d.docker("stop", "-t", "1", ticker).ok().outTrim()).isEqualTo(ticker);
      assertThat(state(d, ticker, "{{.State.Running}}")).isEqualTo("false");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      d.docker("rm", "-f", ticker, quitter, waiter);
    }
  }
}
