package berth.api.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The host-dependent part of a container: resources, security, namespaces, mounts, restart policy. Every field of the Engine API v1.47 HostConfig is here so that the engine can refuse what it does not support instead of dropping it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HostConfig(
    @JsonProperty("CpuShares") Long cpuShares,
    @JsonProperty("Memory") Long memory,
    @JsonProperty("CgroupParent") String cgroupParent,
    @JsonProperty("BlkioWeight") Integer blkioWeight,
    @JsonProperty("BlkioWeightDevice") List<WeightDevice> blkioWeightDevice,
    @JsonProperty("BlkioDeviceReadBps") List<ThrottleDevice> blkioDeviceReadBps,
    @JsonProperty("BlkioDeviceWriteBps") List<ThrottleDevice> blkioDeviceWriteBps,
    @JsonProperty("BlkioDeviceReadIOps") List<ThrottleDevice> blkioDeviceReadIOps,
    @JsonProperty("BlkioDeviceWriteIOps") List<ThrottleDevice> blkioDeviceWriteIOps,
    @JsonProperty("CpuPeriod") Long cpuPeriod,
    @JsonProperty("CpuQuota") Long cpuQuota,
    @JsonProperty("CpuRealtimePeriod") Long cpuRealtimePeriod,
    @JsonProperty("CpuRealtimeRuntime") Long cpuRealtimeRuntime,
    @JsonProperty("CpusetCpus") String cpusetCpus,
    @JsonProperty("CpusetMems") String cpusetMems,
    @JsonProperty("Devices") List<DeviceMapping> devices,
    @JsonProperty("DeviceCgroupRules") List<String> deviceCgroupRules,
    @JsonProperty("DeviceRequests") List<DeviceRequest> deviceRequests,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("KernelMemoryTCP") Long kernelMemoryTCP,
    @JsonProperty("MemoryReservation") Long memoryReservation,
    @JsonProperty("MemorySwap") Long memorySwap,
    @JsonProperty("MemorySwappiness") Long memorySwappiness,
    @JsonProperty("NanoCpus") Long nanoCpus,
    @JsonProperty("OomKillDisable") Boolean oomKillDisable,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Init") Boolean init,
    @JsonProperty("PidsLimit") Long pidsLimit,
    @JsonProperty("Ulimits") List<Ulimit> ulimits,
    @JsonProperty("CpuCount") Long cpuCount,
    @JsonProperty("CpuPercent") Long cpuPercent,
    @JsonProperty("IOMaximumIOps") Long ioMaximumIOps,
    @JsonProperty("IOMaximumBandwidth") Long ioMaximumBandwidth,
    @JsonProperty("Binds") List<String> binds,
    @JsonProperty("ContainerIDFile") String containerIDFile,
    @JsonProperty("LogConfig") LogConfig logConfig,
    @JsonProperty("NetworkMode") String networkMode,
    @JsonProperty("PortBindings") Map<String, List<PortBinding>> portBindings,
    @JsonProperty("RestartPolicy") RestartPolicy restartPolicy,
    @JsonProperty("AutoRemove") Boolean autoRemove,
    @JsonProperty("VolumeDriver") String volumeDriver,
    @JsonProperty("VolumesFrom") List<String> volumesFrom,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Mounts") List<Mount> mounts,
    @JsonProperty("ConsoleSize") List<Integer> consoleSize,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Annotations") Map<String, String> annotations,
    @JsonProperty("CapAdd") List<String> capAdd,
    @JsonProperty("CapDrop") List<String> capDrop,
    @JsonProperty("CgroupnsMode") String cgroupnsMode,
    @JsonProperty("Dns") List<String> dns,
    @JsonProperty("DnsOptions") List<String> dnsOptions,
    @JsonProperty("DnsSearch") List<String> dnsSearch,
    @JsonProperty("ExtraHosts") List<String> extraHosts,
    @JsonProperty("GroupAdd") List<String> groupAdd,
    @JsonProperty("IpcMode") String ipcMode,
    @JsonProperty("Cgroup") String cgroup,
    @JsonProperty("Links") List<String> links,
    @JsonProperty("OomScoreAdj") Integer oomScoreAdj,
    @JsonProperty("PidMode") String pidMode,
    @JsonProperty("Privileged") Boolean privileged,
    @JsonProperty("PublishAllPorts") Boolean publishAllPorts,
    @JsonProperty("ReadonlyRootfs") Boolean readonlyRootfs,
    @JsonProperty("SecurityOpt") List<String> securityOpt,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("StorageOpt") Map<String, String> storageOpt,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Tmpfs") Map<String, String> tmpfs,
    @JsonProperty("UTSMode") String utsMode,
    @JsonProperty("UsernsMode") String usernsMode,
    @JsonProperty("ShmSize") Long shmSize,
    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("Sysctls") Map<String, String> sysctls,
    @JsonProperty("Runtime") String runtime,
    @JsonProperty("Isolation") String isolation,
    @JsonProperty("MaskedPaths") List<String> maskedPaths,
    @JsonProperty("ReadonlyPaths") List<String> readonlyPaths) {

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.cpuShares = cpuShares;
    b.memory = memory;
    b.cgroupParent = cgroupParent;
    b.blkioWeight = blkioWeight;
    b.blkioWeightDevice = blkioWeightDevice;
    b.blkioDeviceReadBps = blkioDeviceReadBps;
    b.blkioDeviceWriteBps = blkioDeviceWriteBps;
    b.blkioDeviceReadIOps = blkioDeviceReadIOps;
    b.blkioDeviceWriteIOps = blkioDeviceWriteIOps;
    b.cpuPeriod = cpuPeriod;
    b.cpuQuota = cpuQuota;
    b.cpuRealtimePeriod = cpuRealtimePeriod;
    b.cpuRealtimeRuntime = cpuRealtimeRuntime;
    b.cpusetCpus = cpusetCpus;
    b.cpusetMems = cpusetMems;
    b.devices = devices;
    b.deviceCgroupRules = deviceCgroupRules;
    b.deviceRequests = deviceRequests;
    b.kernelMemoryTCP = kernelMemoryTCP;
    b.memoryReservation = memoryReservation;
    b.memorySwap = memorySwap;
    b.memorySwappiness = memorySwappiness;
    b.nanoCpus = nanoCpus;
    b.oomKillDisable = oomKillDisable;
    b.init = init;
    b.pidsLimit = pidsLimit;
    b.ulimits = ulimits;
    b.cpuCount = cpuCount;
    b.cpuPercent = cpuPercent;
    b.ioMaximumIOps = ioMaximumIOps;
    b.ioMaximumBandwidth = ioMaximumBandwidth;
    b.binds = binds;
    b.containerIDFile = containerIDFile;
    b.logConfig = logConfig;
    b.networkMode = networkMode;
    b.portBindings = portBindings;
    b.restartPolicy = restartPolicy;
    b.autoRemove = autoRemove;
    b.volumeDriver = volumeDriver;
    b.volumesFrom = volumesFrom;
    b.mounts = mounts;
    b.consoleSize = consoleSize;
    b.annotations = annotations;
    b.capAdd = capAdd;
    b.capDrop = capDrop;
    b.cgroupnsMode = cgroupnsMode;
    b.dns = dns;
    b.dnsOptions = dnsOptions;
    b.dnsSearch = dnsSearch;
    b.extraHosts = extraHosts;
    b.groupAdd = groupAdd;
    b.ipcMode = ipcMode;
    b.cgroup = cgroup;
    b.links = links;
    b.oomScoreAdj = oomScoreAdj;
    b.pidMode = pidMode;
    b.privileged = privileged;
    b.publishAllPorts = publishAllPorts;
    b.readonlyRootfs = readonlyRootfs;
    b.securityOpt = securityOpt;
    b.storageOpt = storageOpt;
    b.tmpfs = tmpfs;
    b.utsMode = utsMode;
    b.usernsMode = usernsMode;
    b.shmSize = shmSize;
    b.sysctls = sysctls;
    b.runtime = runtime;
    b.isolation = isolation;
    b.maskedPaths = maskedPaths;
    b.readonlyPaths = readonlyPaths;
    return b;
  }

  /** Mutable copy for the engine to fill defaults; {@link #build()} makes the record. */
  public static final class Builder {
    private Long cpuShares;
    private Long memory;
    private String cgroupParent;
    private Integer blkioWeight;
    private List<WeightDevice> blkioWeightDevice;
    private List<ThrottleDevice> blkioDeviceReadBps;
    private List<ThrottleDevice> blkioDeviceWriteBps;
    private List<ThrottleDevice> blkioDeviceReadIOps;
    private List<ThrottleDevice> blkioDeviceWriteIOps;
    private Long cpuPeriod;
    private Long cpuQuota;
    private Long cpuRealtimePeriod;
    private Long cpuRealtimeRuntime;
    private String cpusetCpus;
    private String cpusetMems;
    private List<DeviceMapping> devices;
    private List<String> deviceCgroupRules;
    private List<DeviceRequest> deviceRequests;
    private Long kernelMemoryTCP;
    private Long memoryReservation;
    private Long memorySwap;
    private Long memorySwappiness;
    private Long nanoCpus;
    private Boolean oomKillDisable;
    private Boolean init;
    private Long pidsLimit;
    private List<Ulimit> ulimits;
    private Long cpuCount;
    private Long cpuPercent;
    private Long ioMaximumIOps;
    private Long ioMaximumBandwidth;
    private List<String> binds;
    private String containerIDFile;
    private LogConfig logConfig;
    private String networkMode;
    private Map<String, List<PortBinding>> portBindings;
    private RestartPolicy restartPolicy;
    private Boolean autoRemove;
    private String volumeDriver;
    private List<String> volumesFrom;
    private List<Mount> mounts;
    private List<Integer> consoleSize;
    private Map<String, String> annotations;
    private List<String> capAdd;
    private List<String> capDrop;
    private String cgroupnsMode;
    private List<String> dns;
    private List<String> dnsOptions;
    private List<String> dnsSearch;
    private List<String> extraHosts;
    private List<String> groupAdd;
    private String ipcMode;
    private String cgroup;
    private List<String> links;
    private Integer oomScoreAdj;
    private String pidMode;
    private Boolean privileged;
    private Boolean publishAllPorts;
    private Boolean readonlyRootfs;
    private List<String> securityOpt;
    private Map<String, String> storageOpt;
    private Map<String, String> tmpfs;
    private String utsMode;
    private String usernsMode;
    private Long shmSize;
    private Map<String, String> sysctls;
    private String runtime;
    private String isolation;
    private List<String> maskedPaths;
    private List<String> readonlyPaths;

    private Builder() {}

    public Long cpuShares() {
      return cpuShares;
    }

    public Builder cpuShares(Long v) {
      cpuShares = v;
      return this;
    }

    public Long memory() {
      return memory;
    }

    public Builder memory(Long v) {
      memory = v;
      return this;
    }

    public String cgroupParent() {
      return cgroupParent;
    }

    public Builder cgroupParent(String v) {
      cgroupParent = v;
      return this;
    }

    public Integer blkioWeight() {
      return blkioWeight;
    }

    public Builder blkioWeight(Integer v) {
      blkioWeight = v;
      return this;
    }

    public List<WeightDevice> blkioWeightDevice() {
      return blkioWeightDevice;
    }

    public Builder blkioWeightDevice(List<WeightDevice> v) {
      blkioWeightDevice = v;
      return this;
    }

    public List<ThrottleDevice> blkioDeviceReadBps() {
      return blkioDeviceReadBps;
    }

    public Builder blkioDeviceReadBps(List<ThrottleDevice> v) {
      blkioDeviceReadBps = v;
      return this;
    }

    public List<ThrottleDevice> blkioDeviceWriteBps() {
      return blkioDeviceWriteBps;
    }

    public Builder blkioDeviceWriteBps(List<ThrottleDevice> v) {
      blkioDeviceWriteBps = v;
      return this;
    }

    public List<ThrottleDevice> blkioDeviceReadIOps() {
      return blkioDeviceReadIOps;
    }

    public Builder blkioDeviceReadIOps(List<ThrottleDevice> v) {
      blkioDeviceReadIOps = v;
      return this;
    }

    public List<ThrottleDevice> blkioDeviceWriteIOps() {
      return blkioDeviceWriteIOps;
    }

    public Builder blkioDeviceWriteIOps(List<ThrottleDevice> v) {
      blkioDeviceWriteIOps = v;
      return this;
    }

    public Long cpuPeriod() {
      return cpuPeriod;
    }

    public Builder cpuPeriod(Long v) {
      cpuPeriod = v;
      return this;
    }

    public Long cpuQuota() {
      return cpuQuota;
    }

    public Builder cpuQuota(Long v) {
      cpuQuota = v;
      return this;
    }

    public Long cpuRealtimePeriod() {
      return cpuRealtimePeriod;
    }

    public Builder cpuRealtimePeriod(Long v) {
      cpuRealtimePeriod = v;
      return this;
    }

    public Long cpuRealtimeRuntime() {
      return cpuRealtimeRuntime;
    }

    public Builder cpuRealtimeRuntime(Long v) {
      cpuRealtimeRuntime = v;
      return this;
    }

    public String cpusetCpus() {
      return cpusetCpus;
    }

    public Builder cpusetCpus(String v) {
      cpusetCpus = v;
      return this;
    }

    public String cpusetMems() {
      return cpusetMems;
    }

    public Builder cpusetMems(String v) {
      cpusetMems = v;
      return this;
    }

    public List<DeviceMapping> devices() {
      return devices;
    }

    public Builder devices(List<DeviceMapping> v) {
      devices = v;
      return this;
    }

    public List<String> deviceCgroupRules() {
      return deviceCgroupRules;
    }

    public Builder deviceCgroupRules(List<String> v) {
      deviceCgroupRules = v;
      return this;
    }

    public List<DeviceRequest> deviceRequests() {
      return deviceRequests;
    }

    public Builder deviceRequests(List<DeviceRequest> v) {
      deviceRequests = v;
      return this;
    }

    public Long kernelMemoryTCP() {
      return kernelMemoryTCP;
    }

    public Builder kernelMemoryTCP(Long v) {
      kernelMemoryTCP = v;
      return this;
    }

    public Long memoryReservation() {
      return memoryReservation;
    }

    public Builder memoryReservation(Long v) {
      memoryReservation = v;
      return this;
    }

    public Long memorySwap() {
      return memorySwap;
    }

    public Builder memorySwap(Long v) {
      memorySwap = v;
      return this;
    }

    public Long memorySwappiness() {
      return memorySwappiness;
    }

    public Builder memorySwappiness(Long v) {
      memorySwappiness = v;
      return this;
    }

    public Long nanoCpus() {
      return nanoCpus;
    }

    public Builder nanoCpus(Long v) {
      nanoCpus = v;
      return this;
    }

    public Boolean oomKillDisable() {
      return oomKillDisable;
    }

    public Builder oomKillDisable(Boolean v) {
      oomKillDisable = v;
      return this;
    }

    public Boolean init() {
      return init;
    }

    public Builder init(Boolean v) {
      init = v;
      return this;
    }

    public Long pidsLimit() {
      return pidsLimit;
    }

    public Builder pidsLimit(Long v) {
      pidsLimit = v;
      return this;
    }

    public List<Ulimit> ulimits() {
      return ulimits;
    }

    public Builder ulimits(List<Ulimit> v) {
      ulimits = v;
      return this;
    }

    public Long cpuCount() {
      return cpuCount;
    }

    public Builder cpuCount(Long v) {
      cpuCount = v;
      return this;
    }

    public Long cpuPercent() {
      return cpuPercent;
    }

    public Builder cpuPercent(Long v) {
      cpuPercent = v;
      return this;
    }

    public Long ioMaximumIOps() {
      return ioMaximumIOps;
    }

    public Builder ioMaximumIOps(Long v) {
      ioMaximumIOps = v;
      return this;
    }

    public Long ioMaximumBandwidth() {
      return ioMaximumBandwidth;
    }

    public Builder ioMaximumBandwidth(Long v) {
      ioMaximumBandwidth = v;
      return this;
    }

    public List<String> binds() {
      return binds;
    }

    public Builder binds(List<String> v) {
      binds = v;
      return this;
    }

    public String containerIDFile() {
      return containerIDFile;
    }

    public Builder containerIDFile(String v) {
      containerIDFile = v;
      return this;
    }

    public LogConfig logConfig() {
      return logConfig;
    }

    public Builder logConfig(LogConfig v) {
      logConfig = v;
      return this;
    }

    public String networkMode() {
      return networkMode;
    }

    public Builder networkMode(String v) {
      networkMode = v;
      return this;
    }

    public Map<String, List<PortBinding>> portBindings() {
      return portBindings;
    }

    public Builder portBindings(Map<String, List<PortBinding>> v) {
      portBindings = v;
      return this;
    }

    public RestartPolicy restartPolicy() {
      return restartPolicy;
    }

    public Builder restartPolicy(RestartPolicy v) {
      restartPolicy = v;
      return this;
    }

    public Boolean autoRemove() {
      return autoRemove;
    }

    public Builder autoRemove(Boolean v) {
      autoRemove = v;
      return this;
    }

    public String volumeDriver() {
      return volumeDriver;
    }

    public Builder volumeDriver(String v) {
      volumeDriver = v;
      return this;
    }

    public List<String> volumesFrom() {
      return volumesFrom;
    }

    public Builder volumesFrom(List<String> v) {
      volumesFrom = v;
      return this;
    }

    public List<Mount> mounts() {
      return mounts;
    }

    public Builder mounts(List<Mount> v) {
      mounts = v;
      return this;
    }

    public List<Integer> consoleSize() {
      return consoleSize;
    }

    public Builder consoleSize(List<Integer> v) {
      consoleSize = v;
      return this;
    }

    public Map<String, String> annotations() {
      return annotations;
    }

    public Builder annotations(Map<String, String> v) {
      annotations = v;
      return this;
    }

    public List<String> capAdd() {
      return capAdd;
    }

    public Builder capAdd(List<String> v) {
      capAdd = v;
      return this;
    }

    public List<String> capDrop() {
      return capDrop;
    }

    public Builder capDrop(List<String> v) {
      capDrop = v;
      return this;
    }

    public String cgroupnsMode() {
      return cgroupnsMode;
    }

    public Builder cgroupnsMode(String v) {
      cgroupnsMode = v;
      return this;
    }

    public List<String> dns() {
      return dns;
    }

    public Builder dns(List<String> v) {
      dns = v;
      return this;
    }

    public List<String> dnsOptions() {
      return dnsOptions;
    }

    public Builder dnsOptions(List<String> v) {
      dnsOptions = v;
      return this;
    }

    public List<String> dnsSearch() {
      return dnsSearch;
    }

    public Builder dnsSearch(List<String> v) {
      dnsSearch = v;
      return this;
    }

    public List<String> extraHosts() {
      return extraHosts;
    }

    public Builder extraHosts(List<String> v) {
      extraHosts = v;
      return this;
    }

    public List<String> groupAdd() {
      return groupAdd;
    }

    public Builder groupAdd(List<String> v) {
      groupAdd = v;
      return this;
    }

    public String ipcMode() {
      return ipcMode;
    }

    public Builder ipcMode(String v) {
      ipcMode = v;
      return this;
    }

    public String cgroup() {
      return cgroup;
    }

    public Builder cgroup(String v) {
      cgroup = v;
      return this;
    }

    public List<String> links() {
      return links;
    }

    public Builder links(List<String> v) {
      links = v;
      return this;
    }

    public Integer oomScoreAdj() {
      return oomScoreAdj;
    }

    public Builder oomScoreAdj(Integer v) {
      oomScoreAdj = v;
      return this;
    }

    public String pidMode() {
      return pidMode;
    }

    public Builder pidMode(String v) {
      pidMode = v;
      return this;
    }

    public Boolean privileged() {
      return privileged;
    }

    public Builder privileged(Boolean v) {
      privileged = v;
      return this;
    }

    public Boolean publishAllPorts() {
      return publishAllPorts;
    }

    public Builder publishAllPorts(Boolean v) {
      publishAllPorts = v;
      return this;
    }

    public Boolean readonlyRootfs() {
      return readonlyRootfs;
    }

    public Builder readonlyRootfs(Boolean v) {
      readonlyRootfs = v;
      return this;
    }

    public List<String> securityOpt() {
      return securityOpt;
    }

    public Builder securityOpt(List<String> v) {
      securityOpt = v;
      return this;
    }

    public Map<String, String> storageOpt() {
      return storageOpt;
    }

    public Builder storageOpt(Map<String, String> v) {
      storageOpt = v;
      return this;
    }

    public Map<String, String> tmpfs() {
      return tmpfs;
    }

    public Builder tmpfs(Map<String, String> v) {
      tmpfs = v;
      return this;
    }

    public String utsMode() {
      return utsMode;
    }

    public Builder utsMode(String v) {
      utsMode = v;
      return this;
    }

    public String usernsMode() {
      return usernsMode;
    }

    public Builder usernsMode(String v) {
      usernsMode = v;
      return this;
    }

    public Long shmSize() {
      return shmSize;
    }

    public Builder shmSize(Long v) {
      shmSize = v;
      return this;
    }

    public Map<String, String> sysctls() {
      return sysctls;
    }

    public Builder sysctls(Map<String, String> v) {
      sysctls = v;
      return this;
    }

    public String runtime() {
      return runtime;
    }

    public Builder runtime(String v) {
      runtime = v;
      return this;
    }

    public String isolation() {
      return isolation;
    }

    public Builder isolation(String v) {
      isolation = v;
      return this;
    }

    public List<String> maskedPaths() {
      return maskedPaths;
    }

    public Builder maskedPaths(List<String> v) {
      maskedPaths = v;
      return this;
    }

    public List<String> readonlyPaths() {
      return readonlyPaths;
    }

    public Builder readonlyPaths(List<String> v) {
      readonlyPaths = v;
      return this;
    }

    public HostConfig build() {
      return new HostConfig(cpuShares, memory, cgroupParent, blkioWeight, blkioWeightDevice, blkioDeviceReadBps, blkioDeviceWriteBps, blkioDeviceReadIOps, blkioDeviceWriteIOps, cpuPeriod, cpuQuota, cpuRealtimePeriod, cpuRealtimeRuntime, cpusetCpus, cpusetMems, devices, deviceCgroupRules, deviceRequests, kernelMemoryTCP, memoryReservation, memorySwap, memorySwappiness, nanoCpus, oomKillDisable, init, pidsLimit, ulimits, cpuCount, cpuPercent, ioMaximumIOps, ioMaximumBandwidth, binds, containerIDFile, logConfig, networkMode, portBindings, restartPolicy, autoRemove, volumeDriver, volumesFrom, mounts, consoleSize, annotations, capAdd, capDrop, cgroupnsMode, dns, dnsOptions, dnsSearch, extraHosts, groupAdd, ipcMode, cgroup, links, oomScoreAdj, pidMode, privileged, publishAllPorts, readonlyRootfs, securityOpt, storageOpt, tmpfs, utsMode, usernsMode, shmSize, sysctls, runtime, isolation, maskedPaths, readonlyPaths);
    }
  }

  /** An empty HostConfig, as when a create body has none. */
  public static HostConfig empty() {
    return builder().build();
  }
}
