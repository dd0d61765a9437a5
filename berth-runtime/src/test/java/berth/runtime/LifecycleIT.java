package berth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import berth.runtime.ContainerRuntime.ExitEvent;
import berth.runtime.logs.LogEntry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class LifecycleIT extends ConmonRuntimeIT {
  @Test
  void runsToExitWithCodeAndOrderedLogs() throws Exception {
    String id = newId();
    ContainerRuntime.Created c = run(id, BusyboxBundle.spec(id, "sh", "-c",
        "echo one; echo two >&2; printf 'part'; sleep 0.1; echo ial; exit 3"), false, false);
    assertThat(c.pid()).isPositive();
    assertThat(c.conmonPid()).isPositive();
    ExitEvent ev = awaitExit(id);
    assertThat(ev.exitCode()).isEqualTo(3);
    assertThat(ev.oomKilled()).isFalse();
    assertThat(rt.exitCode(id)).hasValue(3);
    assertThat(rt.state(id)).get().extracting(ContainerRuntime.RuntimeState::status).isEqualTo("stopped");
    List<LogEntry> logs = logs(id);
    assertThat(text(logs, LogEntry.Stream.STDOUT)).isEqualTo("one\npartial\n");
    assertThat(text(logs, LogEntry.Stream.STDERR)).isEqualTo("two\n");
    assertThat(logs.get(0).stream()).isEqualTo(LogEntry.Stream.STDOUT);
    assertThat(logs.get(1).stream()).isEqualTo(LogEntry.Stream.STDERR);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> rt.attach(id, false))
        .isInstanceOf(berth.core.errors.Conflict.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> rt.kill(id, 15, false))
        .isInstanceOf(berth.core.errors.Conflict.class);
    assertThat(rt.pids(id)).isEmpty();
  }

  @Test
  void killWithSignalsAndPauseResume() throws Exception {
    String id = newId();
    run(id, BusyboxBundle.spec(id, "sh", "-c", "trap 'echo got-usr1' USR1; while true; do sleep 0.1; done"), false, false);
    assertThat(rt.state(id)).get().extracting(ContainerRuntime.RuntimeState::status).isEqualTo("running");
    Thread.sleep(300);
    rt.kill(id, Signals.parse("USR1"), false);
    rt.pause(id);
    assertThat(rt.state(id)).get().extracting(ContainerRuntime.RuntimeState::status).isEqualTo("paused");
    rt.resume(id);
    assertThat(rt.state(id)).get().extracting(ContainerRuntime.RuntimeState::status).isEqualTo("running");
    assertThat(rt.pids(id)).isNotEmpty();
    for (int i = 0; i < 50 && !text(logs(id), null).contains("got-usr1"); i++) {
      Thread.sleep(100);
    }
    assertThat(text(logs(id), null)).contains("got-usr1");
    rt.kill(id, Signals.parse("SIGKILL"), false);
    ExitEvent ev = awaitExit(id);
    assertThat(ev.exitCode()).isEqualTo(137);
  }

  @Test
  void newRuntimeAdoptsRunningContainerAndSeesItsExit() throws Exception {
    String id = newId();
    run(id, BusyboxBundle.spec(id, "sh", "-c", "sleep 1; exit 7"), false, false);
    rt.close();
    exits.clear();
    rt = newRuntime(); // a restarted berthd
    assertThat(rt.state(id)).get().extracting(ContainerRuntime.RuntimeState::status).isEqualTo("running");
    assertThat(rt.conmonPid(id)).isPresent();
    ExitEvent ev = awaitExit(id);
    assertThat(ev.exitCode()).isEqualTo(7);
  }

  @Test
  void exitWhileDownIsReapedThroughExitCode() throws Exception {
    String id = newId();
    run(id, BusyboxBundle.spec(id, "true"), false, false);
    awaitExit(id);
    rt.close();
    rt = newRuntime();
    assertThat(rt.exitCode(id)).hasValue(0);
    assertThat(rt.conmonPid(id)).isEmpty();
  }

  @Test
  void privilegedMayMountAndDefaultMayNot() throws Exception {
    String priv = newId();
    run(priv, BusyboxBundle.spec(priv, "sh", "-c", "mount -t tmpfs none /tmp && test -e /dev/kmsg").privileged(true), false, false);
    assertThat(awaitExit(priv).exitCode()).isZero();
    String plain = newId();
    run(plain, BusyboxBundle.spec(plain, "sh", "-c", "mount -t tmpfs none /tmp"), false, false);
    assertThat(awaitExit(plain).exitCode()).isNotZero();
  }

  @Test
  void defaultCapabilitiesAndLimitsAreWhatDockerGives() throws Exception {
    String id = newId();
    var spec = BusyboxBundle.spec(id, "sh", "-c",
            "grep CapEff /proc/self/status; cat /sys/fs/cgroup/memory/memory.limit_in_bytes /sys/fs/cgroup/pids/pids.max;"
                + " ip -o link show lo; touch /proc/sys/x 2>/dev/null || echo ro-proc-sys; cat /proc/kcore | wc -c")
        .resources(new berth.runtime.oci.Spec.Resources(null,
            new berth.runtime.oci.Spec.Memory(32L * 1024 * 1024, null, null, null, null, null), null,
            new berth.runtime.oci.Spec.Pids(10), null));
    run(id, spec, false, false);
    assertThat(awaitExit(id).exitCode()).isZero();
    String out = text(logs(id), LogEntry.Stream.STDOUT);
    assertThat(out).contains("CapEff:\t00000000a80425fb", "33554432\n10\n", "ro-proc-sys", "LOOPBACK,UP");
    assertThat(out.strip()).endsWith("\n0");
  }

  @Test
  void forceDeleteOfPausedContainerCleansUp() throws Exception {
    String id = newId();
    run(id, BusyboxBundle.spec(id, "sleep", "60"), false, false);
    rt.pause(id);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> rt.delete(id, false))
        .isInstanceOf(berth.core.errors.Conflict.class).hasMessageContaining("You cannot remove a paused container");
    rt.delete(id, true); // tearDown checks runc state, conmon, cgroups and files are gone
    assertThat(rt.state(id)).isEmpty();
    assertThat(root.resolve("run/conmon").resolve(id)).doesNotExist();
  }

  @Test
  void oomKillIsReported() throws Exception {
    String id = newId();
    var spec = BusyboxBundle.spec(id, "sh", "-c", "x=a; while true; do x=$x$x; done")
        .resources(new berth.runtime.oci.Spec.Resources(null,
            new berth.runtime.oci.Spec.Memory(16L * 1024 * 1024, null, 16L * 1024 * 1024, null, null, null), null, null, null));
    run(id, spec, false, false);
    ExitEvent ev = awaitExit(id);
    assertThat(ev.exitCode()).isEqualTo(137);
    assertThat(ev.oomKilled()).isTrue();
  }

  @Test
  void createFailureCarriesRuncMessage() throws Exception {
    String id = newId();
    Path b = bundle(id, BusyboxBundle.spec(id, "/no/such/binary"));
    // runc 1.1 looks the binary up at create; Docker reports the same text and exit code 127
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> rt.create(new ContainerRuntime.CreateRequest(id, b, logPath(id), false, false, false, null)))
        .isInstanceOf(berth.core.errors.Internal.class)
        .hasMessageContaining("no such file or directory")
        .satisfies(e -> assertThat(ConmonRuntime.startFailureExitCode(e.getMessage())).isEqualTo(127));
    assertThat(rt.state(id)).isEmpty();
    assertThat(root.resolve("run/conmon").resolve(id)).doesNotExist();
  }
}
