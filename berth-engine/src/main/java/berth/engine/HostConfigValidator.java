package berth.engine;

import berth.api.model.ContainerConfig;
import berth.api.model.HostConfig;
import berth.api.model.Mount;
import berth.api.model.NetworkingConfig;
import berth.api.model.RestartPolicy;
import berth.core.errors.InvalidArgument;
import berth.runtime.Capabilities;
import berth.runtime.Signals;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks a create (or update) request against what Berth can honour. Every HostConfig field is
 * either applied by {@link SpecBuilder} or refused here with a 400 naming it; none is dropped
 * silently, so a user never gets a container other than the one asked for.
 */
public final class HostConfigValidator {
  private HostConfigValidator() {}

  /** Validates and returns warnings Docker would print (e.g. ports discarded with host networking). */
  public static List<String> validate(ContainerConfig config, HostConfig h, NetworkingConfig net) {
    List<String> warnings = new ArrayList<>();
    NetworkMode mode = NetworkMode.parse(h.networkMode());
    validateNetworking(mode, h, net, config, warnings);
    validateRestart(h.restartPolicy(), Boolean.TRUE.equals(h.autoRemove()));
    // links are /etc/hosts lines on the default bridge (and names on user networks)
    unsupported("Links", nonEmpty(h.links()) && !(NetworkMode.parse(h.networkMode()) instanceof NetworkMode.Attached));
    unsupported("VolumeDriver", nonEmpty(h.volumeDriver()));
    unsupported("DeviceRequests", nonEmpty(h.deviceRequests()));
    unsupported("DeviceCgroupRules", nonEmpty(h.deviceCgroupRules()));
    unsupported("BlkioWeightDevice", nonEmpty(h.blkioWeightDevice()));
    unsupported("BlkioDeviceReadBps", nonEmpty(h.blkioDeviceReadBps()));
    unsupported("BlkioDeviceWriteBps", nonEmpty(h.blkioDeviceWriteBps()));
    unsupported("BlkioDeviceReadIOps", nonEmpty(h.blkioDeviceReadIOps()));
    unsupported("BlkioDeviceWriteIOps", nonEmpty(h.blkioDeviceWriteIOps()));
    unsupported("CpuRealtimePeriod", nonZero(h.cpuRealtimePeriod()));
    unsupported("CpuRealtimeRuntime", nonZero(h.cpuRealtimeRuntime()));
    unsupported("CpuCount (Windows only)", nonZero(h.cpuCount()));
    unsupported("CpuPercent (Windows only)", nonZero(h.cpuPercent()));
    unsupported("IOMaximumIOps (Windows only)", nonZero(h.ioMaximumIOps()));
    unsupported("IOMaximumBandwidth (Windows only)", nonZero(h.ioMaximumBandwidth()));
    unsupported("KernelMemoryTCP", nonZero(h.kernelMemoryTCP()));
    unsupported("StorageOpt", h.storageOpt() != null && !h.storageOpt().isEmpty());
    unsupported("Cgroup", nonEmpty(h.cgroup()));
    oneOf("LogConfig.Type", h.logConfig() == null ? null : h.logConfig().type(), "", "json-file", "k8s-file");
    oneOf("Runtime", h.runtime(), "", "runc");
    oneOf("Isolation", h.isolation(), "", "default");
    oneOf("UsernsMode", h.usernsMode(), "", "host");
    oneOf("CgroupnsMode", h.cgroupnsMode(), "", "private", "host");
    if (!isContainerMode(h.ipcMode())) {
      oneOf("IpcMode", h.ipcMode(), "", "private", "shareable", "host");
    }
    if (!isContainerMode(h.pidMode())) {
      oneOf("PidMode", h.pidMode(), "", "host");
    }
    oneOf("UTSMode", h.utsMode(), "", "host");
    validateSecurityOpt(h.securityOpt());
    Capabilities.normalize(h.capAdd());
    Capabilities.normalize(h.capDrop());
    if (!ConfigMerger.isEmpty(config.stopSignal())) {
      Signals.parse(config.stopSignal());
    }
    validateBinds(h.binds());
    validateConfigVolumes(config.volumes());
    validateMounts(h.mounts());
    validateResources(h);
    return warnings;
  }

  private static void validateNetworking(NetworkMode mode, HostConfig h, NetworkingConfig net,
      ContainerConfig config, List<String> warnings) {
    boolean ports = h.portBindings() != null && !h.portBindings().isEmpty()
        || Boolean.TRUE.equals(h.publishAllPorts());
    if (ports && mode instanceof NetworkMode.Host) {
      warnings.add("Published ports are discarded when using host network mode");
    }
    if (!ConfigMerger.isEmpty(config.macAddress()) && !(mode instanceof NetworkMode.Attached)) {
      throw new InvalidArgument("conflicting options: mac-address and the network mode");
    }
    if (mode instanceof NetworkMode.Joined && !ConfigMerger.isEmpty(config.hostname())) {
      // Docker: a container sharing another's network namespace cannot set its own hostname.
      throw new InvalidArgument("conflicting options: hostname and the network mode");
    }
    if (net != null && net.endpointsConfig() != null && net.endpointsConfig().size() > 1
        && !(mode instanceof NetworkMode.Attached)) {
      throw new InvalidArgument("Container cannot be connected to network endpoints: " + h.networkMode()
          + " mode is exclusive");
    }
  }

  private static void validateRestart(RestartPolicy p, boolean autoRemove) {
    if (p == null) {
      return;
    }
    String n = p.effectiveName();
    int max = p.maximumRetryCount() == null ? 0 : p.maximumRetryCount();
    switch (n) {
      case "no", "always", "unless-stopped" -> {
        if (max != 0) {
          throw new InvalidArgument("invalid restart policy: maximum retry count can only be used with 'on-failure'");
        }
      }
      case "on-failure" -> {
        if (max < 0) {
          throw new InvalidArgument("invalid restart policy: maximum retry count cannot be negative");
        }
      }
      default -> throw new InvalidArgument("invalid restart policy: unknown policy '" + n
          + "'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'");
    }
    if (autoRemove && !n.equals("no")) {
      throw new InvalidArgument("can't create 'AutoRemove' container with restart policy");
    }
  }

  private static void validateSecurityOpt(List<String> opts) {
    if (opts == null) {
      return;
    }
    for (String o : opts) {
      String v = o.replace(':', '=');
      if (v.equals("no-new-privileges") || v.equals("no-new-privileges=true") || v.equals("no-new-privileges=false")
          || v.equals("seccomp=unconfined") || v.equals("apparmor=unconfined") || v.equals("label=disable")) {
        continue;
      }
      throw new InvalidArgument("security option " + o + " is not supported by Berth yet "
          + "(no-new-privileges, seccomp=unconfined, apparmor=unconfined and label=disable are)");
    }
  }

  /**
   * Config.Volumes keys are destinations, but the docker CLI sends a `-v` value whose source is one
   * letter ("a:/a") there, as a Windows drive path; Docker's daemon parses such a key as a volume
   * spec and refuses the name, and so does Berth.
   */
  private static void validateConfigVolumes(java.util.Map<String, ?> volumes) {
    if (volumes == null) {
      return;
    }
    for (String key : volumes.keySet()) {
      if (key.indexOf(':') > 0) {
        var mp = new berth.volume.MountParser().parseBind(key, null);
        if (mp.type() == berth.volume.MountType.VOLUME && mp.name() != null && !mp.name().isEmpty()) {
          berth.volume.VolumeStore.validateName(mp.name());
        }
      }
    }
  }

  private static void validateBinds(List<String> binds) {
    if (binds == null) {
      return;
    }
    VolumeMounts.validate(binds);
    for (String b : binds) {
      if (!VolumeMounts.isVolume(b)) {
        SpecBuilder.parseBind(b);
      }
    }
  }

  private static void validateMounts(List<Mount> mounts) {
    if (mounts == null) {
      return;
    }
    for (Mount m : mounts) {
      String type = m.type() == null ? "" : m.type();
      if (!type.equals("bind") && !type.equals("tmpfs") && !type.equals("volume")) {
        throw new InvalidArgument("mount type " + (type.isEmpty() ? "(none)" : type)
            + " is not supported by Berth yet: bind, volume and tmpfs are");
      }
      berth.volume.MountParser.checkTarget(type, m.target());
      if (type.equals("volume") && m.volumeOptions() != null
          && m.volumeOptions().get("Subpath") instanceof String subpath) {
        berth.volume.MountParser.checkSubpath(m.source(), subpath);
      }
      if (type.equals("bind") && (m.source() == null || !m.source().startsWith("/"))) {
        throw new InvalidArgument("invalid mount config for type \"bind\": invalid mount path: '"
            + m.source() + "' mount path must be absolute");
      }
    }
  }

  private static void validateResources(HostConfig h) {
    long mem = h.memory() == null ? 0 : h.memory();
    if (mem != 0 && mem < 6 * 1024 * 1024) {
      throw new InvalidArgument("Minimum memory limit allowed is 6MB");
    }
    long swap = h.memorySwap() == null ? 0 : h.memorySwap();
    if (swap > 0 && mem == 0) {
      throw new InvalidArgument("You should always set the Memory limit when using Memoryswap limit");
    }
    if (swap > 0 && swap < mem) {
      throw new InvalidArgument("Minimum memoryswap limit should be larger than memory limit, see usage");
    }
    if (h.memorySwappiness() != null && h.memorySwappiness() != -1
        && (h.memorySwappiness() < 0 || h.memorySwappiness() > 100)) {
      throw new InvalidArgument("Invalid value: " + h.memorySwappiness() + ", valid memory swappiness range is 0-100");
    }
    if (nonZero(h.nanoCpus()) && (nonZero(h.cpuQuota()) || nonZero(h.cpuPeriod()))) {
      throw new InvalidArgument("Conflicting options: Nano CPUs and CPU Period cannot both be set");
    }
    if (h.shmSize() != null && h.shmSize() < 0) {
      throw new InvalidArgument("SHM size can not be less than 0");
    }
    if (h.oomScoreAdj() != null && (h.oomScoreAdj() < -1000 || h.oomScoreAdj() > 1000)) {
      throw new InvalidArgument("Invalid value " + h.oomScoreAdj() + ", range for oom score adj is [-1000, 1000]");
    }
    if (h.blkioWeight() != null && h.blkioWeight() != 0 && (h.blkioWeight() < 10 || h.blkioWeight() > 1000)) {
      throw new InvalidArgument("Range of blkio weight is from 10 to 1000");
    }
    if (h.ulimits() != null) {
      for (var u : h.ulimits()) {
        SpecBuilder.rlimitType(u.name());
      }
    }
  }

  static boolean isContainerMode(String mode) {
    return mode != null && mode.startsWith("container:") && mode.length() > "container:".length();
  }

  private static void unsupported(String field, boolean present) {
    if (present) {
      throw new InvalidArgument(field + " is not supported by Berth yet");
    }
  }

  private static void oneOf(String field, String value, String... allowed) {
    if (value == null) {
      return;
    }
    for (String a : allowed) {
      if (a.equals(value)) {
        return;
      }
    }
    throw new InvalidArgument(field + " \"" + value + "\" is not supported by Berth yet");
  }

  private static boolean nonEmpty(Collection<?> c) {
    return c != null && !c.isEmpty();
  }

  private static boolean nonEmpty(String s) {
    return s != null && !s.isEmpty();
  }

  private static boolean nonZero(Long v) {
    return v != null && v != 0;
  }

  static boolean nonEmptyMap(Map<?, ?> m) {
    return m != null && !m.isEmpty();
  }
}
