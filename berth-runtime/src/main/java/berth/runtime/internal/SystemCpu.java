package berth.runtime.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Host-wide CPU and memory figures Docker puts beside a container's usage so clients can compute a percentage. */
public final class SystemCpu {
  private SystemCpu() {}

  /** Sum of the "cpu" line of /proc/stat (user..softirq, the first seven fields), in nanoseconds, as Docker's system_cpu_usage. */
  public static long totalNanos() {
    try (var lines = Files.lines(Path.of("/proc/stat"))) {
      String cpu = lines.filter(l -> l.startsWith("cpu ")).findFirst().orElse("cpu");
      String[] f = cpu.trim().split("\\s+");
      long ticks = 0;
      for (int i = 1; i < f.length && i <= 7; i++) {
        ticks += Long.parseLong(f[i]);
      }
      return ticks * 10_000_000L;
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  /** The host's memory in bytes (MemTotal of /proc/meminfo); Long.MAX_VALUE when unknown. */
  public static long memTotal() {
    try (var lines = Files.lines(Path.of("/proc/meminfo"))) {
      return lines.filter(l -> l.startsWith("MemTotal:")).findFirst()
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).orElse(Long.MAX_VALUE);
    } catch (IOException | NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  /** Count of online CPUs from /sys/devices/system/cpu/online ("0-1,4"). */
  public static int onlineCpus() {
    try {
      return countRanges(Files.readString(Path.of("/sys/devices/system/cpu/online")).strip());
    } catch (IOException | NumberFormatException e) {
      return Runtime.getRuntime().availableProcessors();
    }
  }

  static int countRanges(String list) {
    int n = 0;
    for (String part : list.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      String[] r = part.split("-");
      n += r.length == 1 ? 1 : Integer.parseInt(r[1]) - Integer.parseInt(r[0]) + 1;
    }
    return n;
  }
}
