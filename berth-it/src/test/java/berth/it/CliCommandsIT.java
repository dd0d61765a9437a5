package berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import berth.testkit.BerthDaemon;
import berth.testkit.BerthTest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The remaining commands of the CLI list: create + start -a, container/system/image subcommands, events, port. */
@BerthTest
class CliCommandsIT {

  @ParameterizedTest
  @EnumSource(Cli.class)
  void createThenStartAttached(Cli cli, BerthDaemon d) {
    String name = Names.unique("cs");
    String id = cli.run(d, "create", "--network", "none", "--name", name, "busybox", "sh", "-c", "echo created-then-started; exit 2")
        .ok().outTrim();
    assertThat(id).matches("[0-9a-f]{64}");
    try {
      assertThat(d.docker("inspect", "-f", "{{.State.Status}}", name).ok().outTrim()).isEqualTo("created");
      var r = cli.run(d, "start", "-a", name);
      assertThat(r.out()).isEqualTo("created-then-started\n");
      assertThat(r.exitCode()).isEqualTo(2);
    } finally {
      d.docker("rm", "-f", name);
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void containerLsAndPrune(Cli cli, BerthDaemon d) {
    String name = Names.unique("pr");
    String id = d.docker("create", "--network", "none", "--name", name, "busybox", "true").ok().outTrim();
    assertThat(cli.run(d, "container", "ls", "-a", "-q", "--no-trunc").ok().out().lines()).contains(id);
    assertThat(cli.run(d, "container", "ls", "-q", "--no-trunc").ok().out().lines()).doesNotContain(id);
    var pruned = cli.run(d, "container", "prune", "-f").ok().out();
    assertThat(pruned).contains("Deleted Containers:").contains(id).contains("Total reclaimed space:");
    assertThat(d.docker("inspect", name).exitCode()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void systemAndImageSubcommands(Cli cli, BerthDaemon d) {
    List<String> df = cli.run(d, "system", "df").ok().out().lines().toList();
    assertThat(df.getFirst()).matches("TYPE +TOTAL +ACTIVE +SIZE +RECLAIMABLE");
    assertThat(df).anyMatch(l -> l.startsWith("Images")).anyMatch(l -> l.startsWith("Containers"));
    assertThat(cli.run(d, "system", "info", "--format", "{{.OSType}}").ok().outTrim()).isEqualTo("linux");
    assertThat(cli.run(d, "image", "inspect", "--format", "{{.Os}} {{.Architecture}}", "busybox").ok().outTrim())
        .isEqualTo("linux amd64");
    assertThat(cli.run(d, "image", "ls", "-q", "busybox").ok().outTrim()).matches("[0-9a-f]{12}");
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void eventsBetweenSinceAndUntil(Cli cli, BerthDaemon d) {
    String name = Names.unique("evc");
    long since = System.currentTimeMillis() / 1000 - 1;
    d.docker("run", "--rm", "--network", "none", "--name", name, "busybox", "true").ok();
    long until = System.currentTimeMillis() / 1000 + 1;
    var actions = cli.run(d, "events", "--since", Long.toString(since), "--until", Long.toString(until),
        "--filter", "container=" + name, "--format", "{{.Action}}").ok().out().lines().toList();
    assertThat(actions).containsSubsequence("create", "start", "die", "destroy");
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void portOfAContainerWithoutPortsIsEmpty(Cli cli, BerthDaemon d) {
    String name = Names.unique("port");
    d.docker("create", "--network", "none", "--name", name, "busybox", "true").ok();
    try {
      var r = cli.run(d, "port", name);
      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).isEmpty();
    } finally {
      d.docker("rm", "-f", name);
    }
  }
}
