package berth.runtime;

import java.util.Map;

/**
 * Resource usage read from the container's cgroup (v1 or v2). CPU times in nanoseconds, memory in
 * bytes. {@code memoryStats} carries the raw memory.stat keys Docker reports.
 */
public record CgroupStats(
    long cpuTotalNanos,
    long cpuKernelNanos,
    long cpuUserNanos,
    long systemCpuNanos,
    int onlineCpus,
    long[] perCpuNanos,
    long memoryUsage,
    long memoryLimit,
    long memoryMaxUsage,
    Map<String, Long> memoryStats,
    long pidsCurrent,
    long pidsLimit,
    long blkioReadBytes,
    long blkioWriteBytes,
    long throttlingPeriods,
    long throttledPeriods,
    long throttledTimeNanos) {}
