package berth.engine;

import berth.api.model.HostConfig;
import berth.api.model.LogConfig;
import berth.api.model.RestartPolicy;
import berth.runtime.DockerDefaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Fills a HostConfig with the values Docker stores and shows in inspect when the user gave none. */
public final class HostConfigDefaults {
  private HostConfigDefaults() {}

  public static HostConfig normalize(HostConfig h, String runtimeName) {
    HostConfig.Builder b = h.toBuilder();
    if (b.logConfig() == null || b.logConfig().type() == null || b.logConfig().type().isEmpty()) {
      b.logConfig(new LogConfig("json-file", Map.of()));
    } else if (b.logConfig().config() == null) {
      b.logConfig(new LogConfig(b.logConfig().type(), Map.of()));
    }
    if (b.portBindings() == null) {
      b.portBindings(Map.of());
    }
    if (b.restartPolicy() == null || b.restartPolicy().name() == null || b.restartPolicy().name().isEmpty()) {
      b.restartPolicy(new RestartPolicy("no", b.restartPolicy() == null ? 0 : zero(b.restartPolicy().maximumRetryCount())));
    } else if (b.restartPolicy().maximumRetryCount() == null) {
      b.restartPolicy(new RestartPolicy(b.restartPolicy().name(), 0));
    }
    b.autoRemove(bool(b.autoRemove()));
    b.volumeDriver(str(b.volumeDriver()));
    b.containerIDFile(str(b.containerIDFile()));
    if (b.consoleSize() == null || b.consoleSize().size() != 2) {
      b.consoleSize(List.of(0, 0));
    }
    if (b.cgroupnsMode() == null || b.cgroupnsMode().isEmpty()) {
      b.cgroupnsMode(cgroupV2() ? "private" : "host");
    }
    b.dns(list(b.dns()));
    b.dnsOptions(list(b.dnsOptions()));
    b.dnsSearch(list(b.dnsSearch()));
    if (b.ipcMode() == null || b.ipcMode().isEmpty()) {
      b.ipcMode("private");
    }
    b.cgroup(str(b.cgroup()));
    b.oomScoreAdj(b.oomScoreAdj() == null ? 0 : b.oomScoreAdj());
    b.pidMode(str(b.pidMode()));
    b.privileged(bool(b.privileged()));
    b.publishAllPorts(bool(b.publishAllPorts()));
    b.readonlyRootfs(bool(b.readonlyRootfs()));
    b.utsMode(str(b.utsMode()));
    b.usernsMode(str(b.usernsMode()));
    if (b.shmSize() == null || b.shmSize() == 0) {
      b.shmSize(DockerDefaults.DEFAULT_SHM_SIZE);
    }
    if (b.runtime() == null || b.runtime().isEmpty()) {
      b.runtime(runtimeName);
    }
    b.isolation(str(b.isolation()));
    b.cpuShares(zero(b.cpuShares()));
    b.memory(zero(b.memory()));
    b.nanoCpus(zero(b.nanoCpus()));
    b.cgroupParent(str(b.cgroupParent()));
    b.blkioWeight(b.blkioWeight() == null ? 0 : b.blkioWeight());
    b.blkioWeightDevice(list(b.blkioWeightDevice()));
    b.blkioDeviceReadBps(list(b.blkioDeviceReadBps()));
    b.blkioDeviceWriteBps(list(b.blkioDeviceWriteBps()));
    b.blkioDeviceReadIOps(list(b.blkioDeviceReadIOps()));
    b.blkioDeviceWriteIOps(list(b.blkioDeviceWriteIOps()));
    b.cpuPeriod(zero(b.cpuPeriod()));
    b.cpuQuota(zero(b.cpuQuota()));
    b.cpuRealtimePeriod(zero(b.cpuRealtimePeriod()));
    b.cpuRealtimeRuntime(zero(b.cpuRealtimeRuntime()));
    b.cpusetCpus(str(b.cpusetCpus()));
    b.cpusetMems(str(b.cpusetMems()));
    b.devices(list(b.devices()));
    b.memoryReservation(zero(b.memoryReservation()));
    // as Docker stores them: -1 swappiness and a pids limit <= 0 both mean "unset"
    if (b.memorySwappiness() != null && b.memorySwappiness() == -1) {
      b.memorySwappiness(null);
    }
    if (b.pidsLimit() != null && b.pidsLimit() <= 0) {
      b.pidsLimit(null);
    }
    b.memorySwap(zero(b.memorySwap()));
    b.ulimits(list(b.ulimits()));
    b.cpuCount(zero(b.cpuCount()));
    b.cpuPercent(zero(b.cpuPercent()));
    b.ioMaximumIOps(zero(b.ioMaximumIOps()));
    b.ioMaximumBandwidth(zero(b.ioMaximumBandwidth()));
    if (Boolean.TRUE.equals(b.privileged())) {
      b.maskedPaths(null);
      b.readonlyPaths(null);
    } else {
      if (b.maskedPaths() == null) {
        b.maskedPaths(DockerDefaults.MASKED_PATHS);
      }
      if (b.readonlyPaths() == null) {
        b.readonlyPaths(DockerDefaults.READONLY_PATHS);
      }
    }
    return b.build();
  }

  static boolean cgroupV2() {
    return Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }

  private static String str(String s) {
    return s == null ? "" : s;
  }

  private static Boolean bool(Boolean b) {
    return b != null && b;
  }

  private static Long zero(Long v) {
    return v == null ? 0L : v;
  }

  private static int zero(Integer v) {
    return v == null ? 0 : v;
  }
}
