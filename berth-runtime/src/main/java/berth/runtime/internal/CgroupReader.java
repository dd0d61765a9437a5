package berth.runtime.internal;

import berth.core.errors.Internal;
import berth.runtime.CgroupStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a container's resource usage from its cgroup, found through {@code /proc/<pid>/cgroup} of
 * its init process (so any cgroupsPath works). cgroup v1 (one directory per controller) and v2
 * (one unified directory) differ in file names and units; both end in the same {@link CgroupStats}.
 * As Docker does, a memory limit above the host's memory (unlimited) is reported as the host's
 * memory; an unlimited pids.max reads as Long.MAX_VALUE.
 */
public final class CgroupReader {
  private static final Path ROOT = Path.of("/sys/fs/cgroup");
  private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

  private final Map<String, Path> v1; // controller -> directory
  private final Path v2;

  private CgroupReader(Map<String, Path> v1, Path v2) {
    this.v1 = v1;
    this.v2 = v2;
  }

  public static CgroupReader forPid(int pid) {
    try {
      return parse(Files.readAllLines(Path.of("/proc", Integer.toString(pid), "cgroup")), ROOT);
    } catch (IOException e) {
      throw new Internal("read cgroups of pid " + pid + ": " + e.getMessage(), e);
    }
  }

  /** Parses /proc/PID/cgroup lines ("id:controllers:path"); v2 only when no v1 controller is listed. */
  static CgroupReader parse(List<String> lines, Path root) {
    Map<String, Path> v1 = new HashMap<>();
    String unified = null;
    for (String line : lines) {
      String[] parts = line.split(":", 3);
      if (parts.length < 3) {
        continue;
      }
      if (parts[1].isEmpty()) {
        unified = parts[2];
        continue;
      }
      for (String ctrl : parts[1].split(",")) {
        Path dir = root.resolve(ctrl).resolve(parts[2].substring(1));
        v1.put(ctrl, Files.isDirectory(dir) ? dir : root.resolve(parts[1]).resolve(parts[2].substring(1)));
      }
    }
    Path v2 = v1.isEmpty() && unified != null ? root.resolve(unified.substring(1)) : null;
    return new CgroupReader(v1, v2);
  }

  public boolean isV2() {
    return v2 != null;
  }

  public List<Integer> pids() {
    Path dir = v2 != null ? v2 : v1.getOrDefault("pids", v1.get("memory"));
    List<Integer> pids = new ArrayList<>();
    if (dir == null) {
      return pids;
    }
    for (String l : lines(dir.resolve("cgroup.procs"))) {
      if (!l.isBlank()) {
        pids.add(Integer.parseInt(l.strip()));
      }
    }
    return pids;
  }

  public boolean oomKilled() {
    if (v2 != null) {
      return keyed(v2.resolve("memory.events")).getOrDefault("oom_kill", 0L) > 0;
    }
    Path mem = v1.get("memory");
    return mem != null && keyed(mem.resolve("memory.oom_control")).getOrDefault("oom_kill", 0L) > 0;
  }

  public CgroupStats stats() {
    return v2 != null ? statsV2() : statsV1();
  }

  private CgroupStats statsV1() {
    Path cpuacct = v1.get("cpuacct");
    Path cpu = v1.get("cpu");
    Path mem = v1.get("memory");
    Path pids = v1.get("pids");
    Path blkio = v1.get("blkio");
    Map<String, Long> cpuStat = cpuacct == null ? Map.of() : keyed(cpuacct.resolve("cpuacct.stat"));
    Map<String, Long> throttle = cpu == null ? Map.of() : keyed(cpu.resolve("cpu.stat"));
    long[] perCpu = cpuacct == null ? new long[0] : longs(cpuacct.resolve("cpuacct.usage_percpu"));
    long[] io = blkio == null ? new long[2] : blkioV1(blkio.resolve("blkio.throttle.io_service_bytes"));
    return new CgroupStats(
        cpuacct == null ? 0 : number(cpuacct.resolve("cpuacct.usage")),
        cpuStat.getOrDefault("system", 0L) * NANOS_PER_TICK,
        cpuStat.getOrDefault("user", 0L) * NANOS_PER_TICK,
        SystemCpu.totalNanos(), SystemCpu.onlineCpus(), perCpu,
        mem == null ? 0 : number(mem.resolve("memory.usage_in_bytes")),
        mem == null ? 0 : Math.min(number(mem.resolve("memory.limit_in_bytes")), SystemCpu.memTotal()),
        mem == null ? 0 : number(mem.resolve("memory.max_usage_in_bytes")),
        mem == null ? Map.of() : keyed(mem.resolve("memory.stat")),
        pids == null ? 0 : number(pids.resolve("pids.current")),
        pids == null ? 0 : number(pids.resolve("pids.max")),
        io[0], io[1],
        throttle.getOrDefault("nr_periods", 0L), throttle.getOrDefault("nr_throttled", 0L),
        throttle.getOrDefault("throttled_time", 0L));
  }

  private CgroupStats statsV2() {
    Map<String, Long> cpu = keyed(v2.resolve("cpu.stat"));
    long[] io = ioV2(v2.resolve("io.stat"));
    return new CgroupStats(
        cpu.getOrDefault("usage_usec", 0L) * 1000, cpu.getOrDefault("system_usec", 0L) * 1000,
        cpu.getOrDefault("user_usec", 0L) * 1000, SystemCpu.totalNanos(), SystemCpu.onlineCpus(), new long[0],
        number(v2.resolve("memory.current")), Math.min(number(v2.resolve("memory.max")), SystemCpu.memTotal()),
        number(v2.resolve("memory.peak")), keyed(v2.resolve("memory.stat")),
        number(v2.resolve("pids.current")), number(v2.resolve("pids.max")), io[0], io[1],
        cpu.getOrDefault("nr_periods", 0L), cpu.getOrDefault("nr_throttled", 0L),
        cpu.getOrDefault("throttled_usec", 0L) * 1000);
  }

  /** "8:0 Read 1234" lines; sums Read and Write over devices. */
  static long[] blkioV1(Path file) {
    long[] rw = new long[2];
    for (String l : lines(file)) {
      String[] f = l.trim().split("\\s+");
      if (f.length == 3) {
        if (f[1].equals("Read")) {
          rw[0] += parseLong(f[2]);
        } else if (f[1].equals("Write")) {
          rw[1] += parseLong(f[2]);
        }
      }
    }
    return rw;
  }

  /** "8:0 rbytes=1 wbytes=2 rios=.." lines. */
  static long[] ioV2(Path file) {
    long[] rw = new long[2];
    for (String l : lines(file)) {
      for (String kv : l.trim().split("\\s+")) {
        if (kv.startsWith("rbytes=")) {
          rw[0] += parseLong(kv.substring(7));
        } else if (kv.startsWith("wbytes=")) {
          rw[1] += parseLong(kv.substring(7));
        }
      }
    }
    return rw;
  }

  /** "key value" lines, as in memory.stat or cpu.stat. */
  static Map<String, Long> keyed(Path file) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String l : lines(file)) {
      String[] f = l.trim().split("\\s+");
      if (f.length == 2) {
        m.put(f[0], parseLong(f[1]));
      }
    }
    return m;
  }

  /** One number; "max" (v2 unlimited) reads as Long.MAX_VALUE, a missing file as 0. */
  static long number(Path file) {
    List<String> l = lines(file);
    return l.isEmpty() ? 0 : parseLong(l.getFirst().strip());
  }

  static long[] longs(Path file) {
    List<String> l = lines(file);
    if (l.isEmpty() || l.getFirst().isBlank()) {
      return new long[0];
    }
    String[] f = l.getFirst().trim().split("\\s+");
    long[] out = new long[f.length];
    for (int i = 0; i < f.length; i++) {
      out[i] = parseLong(f[i]);
    }
    return out;
  }

  private static long parseLong(String s) {
    if (s.equals("max")) {
      return Long.MAX_VALUE;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      return List.of();
    }
  }
}
