package berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import berth.testkit.BerthDaemon;
import berth.testkit.BerthTest;
import berth.testkit.ExecResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Detached containers: ps, logs, stop, kill, restart, rm, wait, rename, pause, update, inspect, top, stats. */
@BerthTest
class LifecycleIT {

  private static String detached(Cli cli, BerthDaemon d, String name, String... cmd) {
    List<String> args = new java.util.ArrayList<>(List.of("run", "-d", "--network", "none", "--name", name, "busybox"));
    args.addAll(List.of(cmd));
    ExecResult r = cli.run(d, args.toArray(String[]::new)).ok();
    String id = r.outTrim();
    assertThat(id).matches("[0-9a-f]{64}");
    return id;
  }

  private static String inspect(BerthDaemon d, String name, String format) {
    return d.docker("inspect", "-f", format, name).ok().outTrim();
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void psShowsDockersColumnsAndFormats(Cli cli, BerthDaemon d) {
    String name = Names.unique("web");
    String id = detached(cli, d, name, "sleep", "300");
    try {
      List<String> lines = cli.run(d, "ps").ok().out().lines().toList();
      assertThat(lines.getFirst()).matches("CONTAINER ID +IMAGE +COMMAND +CREATED +STATUS +PORTS +NAMES");
      String row = lines.stream().filter(l -> l.endsWith(name)).findFirst().orElseThrow();
      assertThat(row).startsWith(id.substring(0, 12)).contains("busybox").contains("\"sleep 300\"").contains("Up ");
      assertThat(cli.run(d, "ps", "-q").ok().out().lines()).contains(id.substring(0, 12));
      assertThat(cli.run(d, "ps", "-q", "--no-trunc").ok().out().lines()).contains(id);
      assertThat(cli.run(d, "ps", "--format", "{{.Names}} {{.Image}}", "-f", "name=" + name).ok().outTrim())
          .isEqualTo(name + " busybox");
      assertThat(cli.run(d, "ps", "--format", "{{json .}}", "-f", "id=" + id).ok().outTrim()).contains("\"Names\":\"" + name + "\"");
      assertThat(cli.run(d, "ps", "-q", "-f", "status=exited", "-f", "name=" + name).ok().outTrim()).isEmpty();
      assertThat(cli.run(d, "ps", "--format", "table {{.Names}}\t{{.Status}}", "-f", "name=" + name).ok().out())
          .startsWith("NAMES");
    } finally {
      d.docker("rm", "-f", name);
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void logsSeparateStreamsTailTimestampsAndFollow(Cli cli, BerthDaemon d) {
    String name = Names.unique("logs");
    detached(cli, d, name, "sh", "-c", "echo one; echo two; echo oops >&2; sleep 1; echo three");
    try {
      assertThat(cli.run(d, "wait", name).ok().outTrim()).isEqualTo("0");
      ExecResult all = cli.run(d, "logs", name).ok();
      assertThat(all.out()).isEqualTo("one\ntwo\nthree\n");
      assertThat(all.err()).isEqualTo("oops\n");
      assertThat(cli.run(d, "logs", "--tail", "1", name).ok().out()).isEqualTo("three\n");
      assertThat(cli.run(d, "logs", "-t", name).ok().out().lines().toList())
          .allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d+Z .*"));
    } finally {
      d.docker("rm", "-f", name);
    }
    String follow = Names.unique("follow");
    detached(cli, d, follow, "sh", "-c", "for i in 1 2 3; do echo line$i; sleep 0.5; done");
    try {
      ExecResult f = cli.run(d, "logs", "-f", follow).ok();
      assertThat(f.out()).isEqualTo("line1\nline2\nline3\n");
    } finally {
      d.docker("rm", "-f", follow);
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void stopKillRestartWait(Cli cli, BerthDaemon d) {
    String name = Names.unique("life");
    detached(cli, d, name, "sh", "-c", "trap 'echo got-usr1; exit 7' USR1; while true; do sleep 0.1; done");
    try {
      assertThat(cli.run(d, "kill", "-s", "USR1", name).ok().outTrim()).isEqualTo(name);
      assertThat(cli.run(d, "wait", name).ok().outTrim()).isEqualTo("7");
      assertThat(cli.run(d, "logs", name).ok().out()).contains("got-usr1");
      assertThat(inspect(d, name, "{{.State.Status}} {{.State.ExitCode}}")).isEqualTo("exited 7");

      String started = inspect(d, name, "{{.State.StartedAt}}");
      assertThat(cli.run(d, "restart", "-t", "1", name).ok().outTrim()).isEqualTo(name);
      assertThat(inspect(d, name, "{{.State.Running}}")).isEqualTo("true");
      assertThat(inspect(d, name, "{{.State.StartedAt}}")).isNotEqualTo(started);

      // sleep as pid 1 ignores SIGTERM, so stop falls back to SIGKILL after the timeout
      long t0 = System.nanoTime();
      assertThat(cli.run(d, "stop", "-t", "1", name).ok().outTrim()).isEqualTo(name);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
      assertThat(inspect(d, name, "{{.State.Status}} {{.State.ExitCode}}")).isEqualTo("exited 137");
      assertThat(cli.run(d, "ps", "-a", "-f", "name=" + name, "--format", "{{.Status}}").ok().outTrim())
          .startsWith("Exited (137)");

      cli.run(d, "start", name).ok();
      assertThat(cli.run(d, "kill", name).ok().outTrim()).isEqualTo(name);
      assertThat(cli.run(d, "wait", name).ok().outTrim()).isEqualTo("137");
    } finally {
      d.docker("rm", "-f", name);
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void rmRefusesARunningContainerUnlessForced(Cli cli, BerthDaemon d) {
    String name = Names.unique("rmf");
    detached(cli, d, name, "sleep", "300");
    ExecResult refused = cli.run(d, "rm", name);
    assertThat(refused.exitCode()).isEqualTo(1);
    // Docker 27's wording; 20.10 said "You cannot remove a running container <id>"
    assertThat(refused.err()).containsAnyOf("container is running", "You cannot remove a running container");
    assertThat(cli.run(d, "rm", "-f", name).ok().outTrim()).isEqualTo(name);
    ExecResult gone = cli.run(d, "inspect", name);
    assertThat(gone.exitCode()).isEqualTo(1);
    assertThat(gone.err()).containsAnyOf("No such object: " + name, "No such container: " + name);
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void inspectHasDockersShape(Cli cli, BerthDaemon d) {
    String name = Names.unique("insp");
    String id = detached(cli, d, name, "sleep", "300");
    try {
      var c = BerthDaemon.parse(cli.run(d, "inspect", name).ok().out()).get(0);
      assertThat(c.path("Id").asText()).isEqualTo(id);
      assertThat(c.path("Name").asText()).isEqualTo("/" + name);
      assertThat(c.path("State").path("Status").asText()).isEqualTo("running");
      assertThat(c.path("State").path("Running").asBoolean()).isTrue();
      assertThat(c.path("State").path("OOMKilled").isBoolean()).isTrue();
      long pid = c.path("State").path("Pid").asLong();
      assertThat(pid).isPositive();
      assertThat(Files.exists(Path.of("/proc", Long.toString(pid)))).isTrue();
      assertThat(c.path("Config").path("Image").asText()).isEqualTo("busybox");
      assertThat(c.path("Config").path("Cmd").toString()).isEqualTo("[\"sleep\",\"300\"]");
      assertThat(c.path("HostConfig").path("NetworkMode").asText()).isEqualTo("none");
      assertThat(c.path("GraphDriver").path("Name").asText()).isNotBlank();
      assertThat(c.path("GraphDriver").path("Data").path("MergedDir").asText()).isNotBlank();
      assertThat(c.path("Image").asText()).startsWith("sha256:");
      assertThat(c.has("Mounts")).isTrue();
      assertThat(c.has("NetworkSettings")).isTrue();
      assertThat(inspect(d, name, "{{.State.Status}}")).isEqualTo("running");
    } finally {
      d.docker("rm", "-f", name);
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void topAndStats(Cli cli, BerthDaemon d) {
    String name = Names.unique("top");
    detached(cli, d, name, "sleep", "300");
    try {
      List<String> top = cli.run(d, "top", name).ok().out().lines().toList();
      assertThat(top.getFirst()).contains("PID").contains("CMD");
      assertThat(top).anyMatch(l -> l.contains("sleep 300"));
      String stats = cli.run(d, "stats", "--no-stream", "--format", "{{.Name}} {{.PIDs}}", name).ok().outTrim();
      assertThat(stats).isEqualTo(name + " 1");
      assertThat(cli.run(d, "stats", "--no-stream", name).ok().out()).contains("MEM USAGE / LIMIT");
    } finally {
      d.docker("rm", "-f", name);
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void renamePauseUnpauseUpdate(Cli cli, BerthDaemon d) {
    String name = Names.unique("ren");
    String renamed = name + "-b";
    String id = detached(cli, d, name, "sleep", "300");
    try {
      cli.run(d, "rename", name, renamed).ok();
      assertThat(inspect(d, id, "{{.Name}}")).isEqualTo("/" + renamed);

      cli.run(d, "pause", renamed).ok();
      assertThat(inspect(d, id, "{{.State.Status}} {{.State.Paused}}")).isEqualTo("paused true");
      assertThat(cli.run(d, "ps", "-f", "name=" + renamed, "--format", "{{.Status}}").ok().outTrim()).endsWith("(Paused)");
      cli.run(d, "unpause", renamed).ok();
      assertThat(inspect(d, id, "{{.State.Status}} {{.State.Paused}}")).isEqualTo("running false");

      cli.run(d, "update", "--memory", "64m", "--memory-swap", "128m", "--restart", "on-failure:3", renamed).ok();
      assertThat(inspect(d, id, "{{.HostConfig.Memory}} {{.HostConfig.RestartPolicy.Name}} {{.HostConfig.RestartPolicy.MaximumRetryCount}}"))
          .isEqualTo("67108864 on-failure 3");
      Path limit = Path.of("/sys/fs/cgroup/memory/berth", id, "memory.limit_in_bytes");
      if (Files.exists(limit.getParent())) {
        assertThat(d.docker("exec", id, "cat", "/sys/fs/cgroup/memory/memory.limit_in_bytes").ok().outTrim())
            .isEqualTo("67108864");
      }
    } finally {
      d.docker("rm", "-f", id);
    }
  }
}
