package berth.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import berth.runtime.oci.Spec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("integration")
class AttachExecIT extends ConmonRuntimeIT {
  private static Spec.Process process(boolean tty, String... args) {
    return new Spec.Process(tty, null, new Spec.User(0, 0, null, null), List.of(args), List.of("PATH=/bin"), "/",
        null, null, null, null, null, null);
  }

  @Test
  void attachWithStdinEchoesBackAndTwoAttachersSeeOutput() throws Exception {
    String id = newId();
    run(id, BusyboxBundle.spec(id, "cat"), false, true);
    try (AttachSession a = rt.attach(id, true); AttachSession b = rt.attach(id, false)) {
      a.stdin().write("hello\n".getBytes(StandardCharsets.UTF_8));
      a.stdin().flush();
      assertThat(readUntil(a, "hello", Duration.ofSeconds(5))).contains("hello");
      assertThat(readUntil(b, "hello", Duration.ofSeconds(5))).contains("hello");
      a.closeStdin(); // cat sees EOF and exits
      assertThat(awaitExit(id).exitCode()).isZero();
    }
    assertThat(text(logs(id), null)).isEqualTo("hello\n");
  }

  @Test
  void closingASessionWakesEveryBlockedReader() throws Exception {
    String id = newId();
    run(id, BusyboxBundle.spec(id, "sleep", "30"), false, false);
    for (int round = 0; round < 20; round++) { // the pump's end marker and close() race: repeat
      AttachSession a = rt.attach(id, false);
      java.util.concurrent.CompletableFuture<AttachSession.Frame> blocked =
          java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
              return a.read();
            } catch (java.io.IOException e) {
              return null;
            }
          });
      Thread.sleep(round % 3 == 0 ? 0 : 20);
      a.close();
      assertThat(blocked.get(5, java.util.concurrent.TimeUnit.SECONDS)).isNull();
      assertThat(a.read()).isNull(); // and every later read ends at once
    }
    rt.kill(id, 9, false);
    awaitExit(id);
  }

  @Test
  void ttyContainerAttachAndResize() throws Exception {
    String id = newId();
    run(id, BusyboxBundle.spec(id, "sh"), true, true);
    try (AttachSession a = rt.attach(id, true)) {
      rt.resize(id, 33, 101);
      Thread.sleep(200);
      a.stdin().write("stty size; exit 4\n".getBytes(StandardCharsets.UTF_8));
      String out = readUntil(a, "33 101", Duration.ofSeconds(5));
      assertThat(out).contains("33 101");
      AttachSession.Frame f = a.read();
      while (f != null) {
        assertThat(f.stream()).isEqualTo(AttachSession.StreamType.STDOUT);
        f = a.read();
      }
    }
    assertThat(awaitExit(id).exitCode()).isEqualTo(4);
  }

  @Test
  void execReportsOutputStreamsAndExitCode() throws Exception {
    String id = newId();
    run(id, BusyboxBundle.spec(id, "sleep", "30"), false, false);
    try (ExecSession ex = rt.exec(id, new ExecRequest("e1".repeat(32), // a 64-char id, as Docker's: the socket path passes 108 bytes
        process(false, "sh", "-c", "echo out; echo err >&2; exit 5"), false, false))) {
      assertThat(ex.pid()).isPositive();
      StringBuilder out = new StringBuilder();
      StringBuilder err = new StringBuilder();
      AttachSession.Frame f;
      while ((f = ex.read()) != null) {
        (f.stream() == AttachSession.StreamType.STDERR ? err : out).append(new String(f.data(), StandardCharsets.UTF_8));
      }
      assertThat(out.toString()).isEqualTo("out\n");
      assertThat(err.toString()).isEqualTo("err\n");
      assertThat(ex.waitFor()).isEqualTo(5);
    }
  }

  @Test
  void execStdinWithoutTtyReachesEofOnCloseStdin() throws Exception {
    String id = newId();
    run(id, BusyboxBundle.spec(id, "sleep", "30"), false, false);
    try (ExecSession ex = rt.exec(id, new ExecRequest("e6", process(false, "sh", "-c", "cat; echo done >&2"), true, false))) {
      ex.stdin().write("piped\n".getBytes(StandardCharsets.UTF_8));
      ex.closeStdin();
      StringBuilder all = new StringBuilder();
      AttachSession.Frame f;
      while ((f = ex.read()) != null) {
        all.append(f.stream()).append(':').append(new String(f.data(), StandardCharsets.UTF_8));
      }
      assertThat(all.toString()).isEqualTo("STDOUT:piped\nSTDERR:done\n");
      assertThat(ex.waitFor()).isZero();
    }
  }

  @Test
  void detachedExecStillReportsItsExitCode() throws Exception {
    String id = newId();
    run(id, BusyboxBundle.spec(id, "sleep", "30"), false, false);
    try (ExecSession ex = rt.exec(id, new ExecRequest("e5", process(false, "sh", "-c", "sleep 0.2; exit 2"), false, true))) {
      assertThat(ex.pid()).isPositive();
      assertThat(ex.read()).isNull();
      assertThat(ex.waitFor()).isEqualTo(2);
    }
    assertThat(root.resolve("run/conmon").resolve(id).resolve("exec/e5")).doesNotExist();
  }

  @Test
  void execWithStdinAndTtyAndResize() throws Exception {
    String id = newId();
    run(id, BusyboxBundle.spec(id, "sleep", "30"), false, false);
    try (ExecSession ex = rt.exec(id, new ExecRequest("e2", process(true, "sh"), true, false))) {
      ex.resize(20, 70);
      Thread.sleep(200);
      ex.stdin().write("stty size; exit 9\n".getBytes(StandardCharsets.UTF_8));
      assertThat(readUntil(ex, "20 70", Duration.ofSeconds(5))).contains("20 70");
      assertThat(ex.waitFor()).isEqualTo(9);
    }
  }

  @Test
  void execOfMissingOrNonExecutableBinaryGetsDockersCodes() throws Exception {
    String id = newId();
    run(id, BusyboxBundle.spec(id, "sleep", "30"), false, false);
    try (ExecSession ex = rt.exec(id, new ExecRequest("e3", process(false, "nope"), false, false))) {
      assertThat(ex.waitFor()).isEqualTo(127);
      assertThat(ex.startError()).contains("executable file not found");
    }
    try (ExecSession ex = rt.exec(id, new ExecRequest("e4", process(false, "/etc/passwd"), false, false))) {
      assertThat(ex.waitFor()).isEqualTo(126);
      assertThat(ex.startError()).contains("permission denied");
    }
  }

  @Test
  void statsArePlausible() throws Exception {
    String id = newId();
    run(id, BusyboxBundle.spec(id, "sh", "-c", "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; sleep 30"), false, false);
    Thread.sleep(1500);
    CgroupStats s = rt.stats(id);
    assertThat(s.cpuTotalNanos()).isPositive();
    assertThat(s.systemCpuNanos()).isGreaterThan(s.cpuTotalNanos());
    assertThat(s.onlineCpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(s.perCpuNanos()).isNotEmpty();
    assertThat(s.memoryUsage()).isPositive();
    assertThat(s.memoryLimit()).isPositive();
    assertThat(s.memoryStats()).containsKey("rss");
    assertThat(s.pidsCurrent()).isBetween(1L, 5L);
    assertThat(rt.pids(id)).hasSize((int) s.pidsCurrent());
  }
}
