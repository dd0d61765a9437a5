package berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import berth.testkit.BerthDaemon;
import berth.testkit.BerthTest;
import berth.testkit.ExecResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** `run` in the foreground: output, exit codes, stdin and the per-container options. */
@BerthTest
class RunIT {
  private static final String[] RUN = {"run", "--rm", "--network", "none"};

  private static ExecResult run(Cli cli, BerthDaemon d, String... rest) {
    String[] args = new String[RUN.length + rest.length];
    System.arraycopy(RUN, 0, args, 0, RUN.length);
    System.arraycopy(rest, 0, args, RUN.length, rest.length);
    return cli.run(d, args);
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void echoesAndExitsZero(Cli cli, BerthDaemon d) {
    var r = run(cli, d, "busybox", "echo", "Hello from Berth");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("Hello from Berth\n");
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void passesTheContainersExitCodeThrough(Cli cli, BerthDaemon d) {
    assertThat(run(cli, d, "busybox", "sh", "-c", "exit 3").exitCode()).isEqualTo(3);
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void separatesStdoutAndStderr(Cli cli, BerthDaemon d) {
    var r = run(cli, d, "busybox", "sh", "-c", "echo to-out; echo to-err >&2");
    assertThat(r.out()).isEqualTo("to-out\n");
    assertThat(r.err()).contains("to-err");
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void missingCommandIs127(Cli cli, BerthDaemon d) {
    var r = run(cli, d, "busybox", "no-such-command");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(127);
    assertThat(r.err()).contains("no-such-command");
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void nonExecutableFileIs126(Cli cli, BerthDaemon d) {
    var r = run(cli, d, "busybox", "/etc/passwd");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(126);
    assertThat(r.err()).containsIgnoringCase("permission denied");
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void badFlagValueIs125(Cli cli, BerthDaemon d) {
    var r = run(cli, d, "--memory", "lots", "busybox", "true");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(125);
    assertThat(r.err()).contains("lots");
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void daemonRefusalIs125(Cli cli, BerthDaemon d) {
    var r = run(cli, d, "--name", "bad name!", "busybox", "true");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(125);
    assertThat(r.err()).contains("Invalid container name (bad name!)");
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void defaultNetworkIsTheBridgeAndAMissingNetworkFails(Cli cli, BerthDaemon d) {
    var r = cli.run(d, "run", "--rm", "busybox", "sh", "-c", "ip -4 -o addr show eth0");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("inet ");
    var missing = cli.run(d, "run", "--rm", "--network", "nope", "busybox", "true");
    assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(125);
    assertThat(missing.err()).contains("network nope not found");
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void pipesStdinWithDashI(Cli cli, BerthDaemon d) {
    var r = d.sh("echo hi | " + cli.command() + " run -i --rm --network none busybox cat");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo("hi\n");
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void rmRemovesTheContainer(Cli cli, BerthDaemon d) {
    String name = Names.unique("rm");
    run(cli, d, "--name", name, "busybox", "true").ok();
    BerthDaemon.eventually(java.time.Duration.ofSeconds(10), name + " removed",
        () -> !d.docker("ps", "-a", "--format", "{{.Names}}").out().lines().toList().contains(name));
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void userByNameAndNumber(Cli cli, BerthDaemon d) {
    assertThat(run(cli, d, "--user", "app", "busybox", "id").ok().outTrim()).isEqualTo("uid=1000(app) gid=1000(app) groups=1000(app)");
    assertThat(run(cli, d, "--user", "1000:65534", "busybox", "sh", "-c", "id -u; id -g").ok().out()).isEqualTo("1000\n65534\n");
    assertThat(run(cli, d, "busybox", "id", "-u").ok().outTrim()).isEqualTo("0");
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void workdirIsCreatedAndUsed(Cli cli, BerthDaemon d) {
    assertThat(run(cli, d, "--workdir", "/srv/app", "busybox", "pwd").ok().outTrim()).isEqualTo("/srv/app");
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void envAndEntrypoint(Cli cli, BerthDaemon d) {
    assertThat(run(cli, d, "-e", "GREETING=hej", "busybox", "sh", "-c", "echo $GREETING").ok().outTrim()).isEqualTo("hej");
    assertThat(run(cli, d, "--entrypoint", "echo", "busybox", "a", "b").ok().outTrim()).isEqualTo("a b");
    assertThat(run(cli, d, "--hostname", "berthbox", "busybox", "hostname").ok().outTrim()).isEqualTo("berthbox");
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void readOnlyRootfs(Cli cli, BerthDaemon d) {
    var r = run(cli, d, "--read-only", "busybox", "touch", "/x");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("Read-only file system");
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void capabilities(Cli cli, BerthDaemon d) {
    // Docker's default set is 0x00000000a80425fb; dropping all leaves nothing.
    assertThat(run(cli, d, "busybox", "grep", "CapEff", "/proc/self/status").ok().out()).contains("00000000a80425fb");
    assertThat(run(cli, d, "--cap-drop", "ALL", "busybox", "grep", "CapEff", "/proc/self/status").ok().out())
        .contains("0000000000000000");
    var chown = run(cli, d, "--cap-drop", "CHOWN", "busybox", "chown", "1000", "/tmp");
    assertThat(chown.exitCode()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void memoryAndPidsLimitsReachTheCgroup(Cli cli, BerthDaemon d) {
    assertThat(run(cli, d, "--memory", "32m", "busybox", "cat", "/sys/fs/cgroup/memory/memory.limit_in_bytes")
        .ok().outTrim()).isEqualTo("33554432");
    assertThat(run(cli, d, "--pids-limit", "10", "busybox", "cat", "/sys/fs/cgroup/pids/pids.max")
        .ok().outTrim()).isEqualTo("10");
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void initRunsAsPidOne(Cli cli, BerthDaemon d) {
    assertThat(run(cli, d, "busybox", "cat", "/proc/1/comm").ok().outTrim()).isEqualTo("cat");
    assertThat(run(cli, d, "--init", "busybox", "cat", "/proc/1/comm").ok().outTrim()).isNotEqualTo("cat");
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void nameConflictUsesDockersMessage(Cli cli, BerthDaemon d) {
    String name = Names.unique("dup");
    d.docker("create", "--network", "none", "--name", name, "busybox", "true").ok();
    try {
      var r = cli.run(d, "run", "--network", "none", "--name", name, "busybox", "true");
      assertThat(r.exitCode()).isEqualTo(125);
      assertThat(r.err()).contains("Conflict. The container name \"/" + name + "\" is already in use by container");
    } finally {
      d.docker("rm", "-f", name);
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void loopbackIsUpWithNetworkNone(Cli cli, BerthDaemon d) {
    var r = run(cli, d, "busybox", "ip", "-o", "link", "show", "lo");
    assertThat(r.ok().out()).contains("UP");
  }
}
