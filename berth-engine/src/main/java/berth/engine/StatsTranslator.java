package berth.engine;

import berth.api.model.BlkioStatEntry;
import berth.api.model.BlkioStats;
import berth.api.model.ContainerStats;
import berth.api.model.CpuStats;
import berth.api.model.CpuUsage;
import berth.api.model.DockerTime;
import berth.api.model.MemoryStats;
import berth.api.model.PidsStats;
import berth.api.model.ThrottlingData;
import berth.runtime.CgroupStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Cgroup readings into Docker's stats JSON; a zero sample for containers that are not running. */
final class StatsTranslator {
  private StatsTranslator() {}

  static ContainerStats toDocker(String id, String name, CgroupStats now, Instant readAt, CgroupStats prev,
      Instant prevAt) {
    return new ContainerStats(name, id, DockerTime.format(readAt), prevAt == null ? DockerTime.ZERO
        : DockerTime.format(prevAt), pids(now), blkio(now), 0, Map.of(), cpu(now), cpu(prev), memory(now), null);
  }

  /** What Docker sends for a stopped container: zero times and empty sections. */
  static ContainerStats empty(String id, String name) {
    return new ContainerStats(name, id, DockerTime.ZERO, DockerTime.ZERO, new PidsStats(null, null),
        new BlkioStats(null, null, null, null, null, null, null, null), 0, Map.of(),
        new CpuStats(new CpuUsage(0L, null, 0L, 0L), null, null, new ThrottlingData(0L, 0L, 0L)),
        new CpuStats(new CpuUsage(0L, null, 0L, 0L), null, null, new ThrottlingData(0L, 0L, 0L)),
        new MemoryStats(null, null, null, null, null), null);
  }

  private static PidsStats pids(CgroupStats s) {
    return new PidsStats(s.pidsCurrent(), s.pidsLimit() > 0 ? s.pidsLimit() : null);
  }

  private static BlkioStats blkio(CgroupStats s) {
    List<BlkioStatEntry> bytes = new ArrayList<>();
    bytes.add(new BlkioStatEntry(0L, 0L, "read", s.blkioReadBytes()));
    bytes.add(new BlkioStatEntry(0L, 0L, "write", s.blkioWriteBytes()));
    return new BlkioStats(bytes, null, null, null, null, null, null, null);
  }

  private static CpuStats cpu(CgroupStats s) {
    if (s == null) {
      return new CpuStats(new CpuUsage(0L, null, 0L, 0L), null, null, new ThrottlingData(0L, 0L, 0L));
    }
    List<Long> per = null;
    if (s.perCpuNanos() != null && s.perCpuNanos().length > 0) {
      per = new ArrayList<>();
      for (long v : s.perCpuNanos()) {
        per.add(v);
      }
    }
    return new CpuStats(new CpuUsage(s.cpuTotalNanos(), per, s.cpuKernelNanos(), s.cpuUserNanos()),
        s.systemCpuNanos(), s.onlineCpus(),
        new ThrottlingData(s.throttlingPeriods(), s.throttledPeriods(), s.throttledTimeNanos()));
  }

  private static MemoryStats memory(CgroupStats s) {
    return new MemoryStats(s.memoryUsage(), s.memoryMaxUsage() > 0 ? s.memoryMaxUsage() : null,
        s.memoryStats() == null ? Map.of() : s.memoryStats(), null, s.memoryLimit());
  }
}
