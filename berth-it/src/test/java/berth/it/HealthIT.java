package berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import berth.testkit.BerthDaemon;
import berth.testkit.BerthTest;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Health checks: status in inspect and ps, the probe log, and health_status events. */
@BerthTest
class HealthIT {

  @ParameterizedTest
  @EnumSource(Cli.class)
  void healthyAndUnhealthy(Cli cli, BerthDaemon d) {
    String good = Names.unique("healthy");
    String bad = Names.unique("sick");
    cli.run(d, "run", "-d", "--network", "none", "--name", good, "--health-cmd", "echo fine",
        "--health-interval", "1s", "--health-retries", "2", "busybox", "sleep", "300").ok();
    cli.run(d, "run", "-d", "--network", "none", "--name", bad, "--health-cmd", "exit 1",
        "--health-interval", "1s", "--health-retries", "2", "busybox", "sleep", "300").ok();
    try {
      BerthDaemon.eventually(Duration.ofSeconds(30), good + " healthy",
          () -> d.docker("inspect", "-f", "{{.State.Health.Status}}", good).out().strip().equals("healthy"));
      BerthDaemon.eventually(Duration.ofSeconds(30), bad + " unhealthy",
          () -> d.docker("inspect", "-f", "{{.State.Health.Status}}", bad).out().strip().equals("unhealthy"));
      assertThat(d.docker("inspect", "-f", "{{(index .State.Health.Log 0).Output}}", good).ok().out()).contains("fine");
      assertThat(d.docker("inspect", "-f", "{{.State.Health.FailingStreak}}", bad).ok().outTrim()).isNotEqualTo("0");
      assertThat(cli.run(d, "ps", "-f", "name=" + good, "--format", "{{.Status}}").ok().outTrim()).endsWith("(healthy)");
      assertThat(cli.run(d, "ps", "-q", "-f", "health=unhealthy").ok().out().lines())
          .contains(d.docker("inspect", "-f", "{{.Id}}", bad).ok().outTrim().substring(0, 12));
      d.events().await(Duration.ofSeconds(10), "health_status: healthy",
          e -> e.path("Action").asText().equals("health_status: healthy")
              && e.path("Actor").path("Attributes").path("name").asText().equals(good));
      d.events().await(Duration.ofSeconds(10), "health_status: unhealthy",
          e -> e.path("Action").asText().equals("health_status: unhealthy")
              && e.path("Actor").path("Attributes").path("name").asText().equals(bad));
    } finally {
      d.docker("rm", "-f", good, bad);
    }
  }
}
