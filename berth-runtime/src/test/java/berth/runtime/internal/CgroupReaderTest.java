package berth.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import berth.runtime.CgroupStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupReaderTest {
  @TempDir Path root;

  private void file(String path, String content) throws IOException {
    Path p = root.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  @Test
  void readsV1Controllers() throws IOException {
    file("cpuacct/berth/c/cpuacct.usage", "5000\n");
    file("cpuacct/berth/c/cpuacct.usage_percpu", "3000 2000 \n");
    file("cpuacct/berth/c/cpuacct.stat", "user 30\nsystem 20\n");
    file("cpu/berth/c/cpu.stat", "nr_periods 4\nnr_throttled 2\nthrottled_time 99\n");
    file("memory/berth/c/memory.usage_in_bytes", "1048576\n");
    file("memory/berth/c/memory.limit_in_bytes", "9223372036854771712\n");
    file("memory/berth/c/memory.max_usage_in_bytes", "2097152\n");
    file("memory/berth/c/memory.stat", "cache 10\nrss 20\n");
    file("memory/berth/c/memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 1\n");
    file("pids/berth/c/pids.current", "3\n");
    file("pids/berth/c/pids.max", "max\n");
    file("pids/berth/c/cgroup.procs", "10\n11\n12\n");
    file("blkio/berth/c/blkio.throttle.io_service_bytes", "8:0 Read 100\n8:0 Write 50\n8:16 Read 1\nTotal 151\n");
    CgroupReader r = CgroupReader.parse(List.of(
        "12:pids:/berth/c", "11:memory:/berth/c", "5:cpuacct:/berth/c", "4:cpu:/berth/c", "3:blkio:/berth/c",
        "1:name=systemd:/x", "0::/"), root);
    assertThat(r.isV2()).isFalse();
    CgroupStats s = r.stats();
    assertThat(s.cpuTotalNanos()).isEqualTo(5000);
    assertThat(s.cpuUserNanos()).isEqualTo(300_000_000L);
    assertThat(s.cpuKernelNanos()).isEqualTo(200_000_000L);
    assertThat(s.perCpuNanos()).containsExactly(3000, 2000);
    assertThat(s.memoryUsage()).isEqualTo(1048576);
    assertThat(s.memoryMaxUsage()).isEqualTo(2097152);
    assertThat(s.memoryLimit()).isEqualTo(SystemCpu.memTotal()); // unlimited reads as host memory
    assertThat(s.memoryStats()).containsEntry("rss", 20L);
    assertThat(s.pidsCurrent()).isEqualTo(3);
    assertThat(s.pidsLimit()).isEqualTo(Long.MAX_VALUE);
    assertThat(s.blkioReadBytes()).isEqualTo(101);
    assertThat(s.blkioWriteBytes()).isEqualTo(50);
    assertThat(s.throttledPeriods()).isEqualTo(2);
    assertThat(r.pids()).containsExactly(10, 11, 12);
    assertThat(r.oomKilled()).isTrue();
  }

  @Test
  void readsV2Unified() throws IOException {
    file("berth/c/cpu.stat", "usage_usec 7\nuser_usec 4\nsystem_usec 3\nnr_periods 1\nnr_throttled 0\nthrottled_usec 0\n");
    file("berth/c/memory.current", "4096\n");
    file("berth/c/memory.max", "max\n");
    file("berth/c/memory.stat", "anon 1\nfile 2\n");
    file("berth/c/memory.events", "low 0\nhigh 0\nmax 0\noom 0\noom_kill 0\n");
    file("berth/c/io.stat", "8:0 rbytes=10 wbytes=20 rios=1 wios=2\n");
    file("berth/c/cgroup.procs", "42\n");
    CgroupReader r = CgroupReader.parse(List.of("0::/berth/c"), root);
    assertThat(r.isV2()).isTrue();
    CgroupStats s = r.stats();
    assertThat(s.cpuTotalNanos()).isEqualTo(7000);
    assertThat(s.memoryUsage()).isEqualTo(4096);
    assertThat(s.memoryLimit()).isEqualTo(SystemCpu.memTotal());
    assertThat(s.blkioReadBytes()).isEqualTo(10);
    assertThat(s.blkioWriteBytes()).isEqualTo(20);
    assertThat(r.pids()).containsExactly(42);
    assertThat(r.oomKilled()).isFalse();
  }

  @Test
  void countsOnlineCpuRanges() {
    assertThat(SystemCpu.countRanges("0-1")).isEqualTo(2);
    assertThat(SystemCpu.countRanges("0-3,8,10-11")).isEqualTo(7);
    assertThat(SystemCpu.onlineCpus()).isPositive();
  }

  @Test
  void runcMessagesAndStartFailureCodes() {
    String raw = "time=\"2026-11-22T10:00:00Z\" level=error msg=\"exec failed: unable to start container process: "
        + "exec: \\\"nope\\\": executable file not found in $PATH\"\n";
    String msg = Runc.cleanMessage(raw);
    assertThat(msg).isEqualTo("exec failed: unable to start container process: exec: \"nope\": executable file not found in $PATH");
    assertThat(ConmonExecSession.startFailureCode(msg)).isEqualTo(127);
    assertThat(ConmonExecSession.startFailureCode("exec: \"/etc/passwd\": permission denied")).isEqualTo(126);
  }
}
