package berth.engine;

import berth.api.model.Commit;
import berth.api.model.ComponentVersion;
import berth.api.model.ContainerSummary;
import berth.api.model.DockerTime;
import berth.api.model.ImageSummary;
import berth.api.model.Info;
import berth.api.model.PlatformName;
import berth.api.model.RuntimeInfo;
import berth.api.model.SystemDf;
import berth.api.model.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** /version, /info, /system/df and /_ping facts, from the engine's state and the host. */
final class EngineSystemService implements SystemService {
  static final String API_VERSION = "1.47";
  static final String MIN_API_VERSION = "1.24";
  static final String VERSION = "27.5.1-berth";
  private final EngineContext ctx;
  private final String engineId;
  private final EngineImageService images;
  private final ContainerService containers;

  EngineSystemService(EngineContext ctx, String engineId, EngineImageService images, ContainerService containers) {
    this.ctx = ctx;
    this.engineId = engineId;
    this.images = images;
    this.containers = containers;
  }

  @Override
  public Version version() {
    String kernel = kernel();
    Map<String, String> details = new LinkedHashMap<>();
    details.put("ApiVersion", API_VERSION);
    details.put("Arch", "amd64");
    details.put("BuildTime", "");
    details.put("Experimental", "false");
    details.put("GitCommit", "");
    details.put("GoVersion", "java" + Runtime.version().feature());
    details.put("KernelVersion", kernel);
    details.put("MinAPIVersion", MIN_API_VERSION);
    details.put("Os", "linux");
    List<ComponentVersion> components = List.of(
        new ComponentVersion("Engine", VERSION, details),
        new ComponentVersion("runc", "1.1.5", Map.of("GitCommit", "")),
        new ComponentVersion("conmon", "2.1.6", Map.of("GitCommit", "")));
    return new Version(new PlatformName("Berth Engine"), components, VERSION, API_VERSION, MIN_API_VERSION, "",
        "java" + Runtime.version().feature(), "linux", "amd64", kernel, null, "");
  }

  @Override
  public Info info() {
    int running = 0;
    int paused = 0;
    int stopped = 0;
    for (Container c : ctx.registry().all()) {
      switch (c.status()) {
        case RUNNING, RESTARTING -> running++;
        case PAUSED -> paused++;
        default -> stopped++;
      }
    }
    boolean v2 = HostConfigDefaults.cgroupV2();
    Map<String, Object> plugins = new LinkedHashMap<>();
    plugins.put("Volume", List.of("local"));
    plugins.put("Network", List.of("host", "none"));
    plugins.put("Authorization", null);
    plugins.put("Log", List.of("json-file"));
    Map<String, Object> registry = new LinkedHashMap<>();
    registry.put("AllowNondistributableArtifactsCIDRs", null);
    registry.put("AllowNondistributableArtifactsHostnames", null);
    registry.put("InsecureRegistryCIDRs", List.of("::1/128", "127.0.0.0/8"));
    registry.put("IndexConfigs", Map.of("docker.io", Map.of("Name", "docker.io", "Mirrors", List.of(),
        "Secure", true, "Official", true)));
    registry.put("Mirrors", null);
    Map<String, Object> swarm = new LinkedHashMap<>();
    swarm.put("NodeID", "");
    swarm.put("NodeAddr", "");
    swarm.put("LocalNodeState", "inactive");
    swarm.put("ControlAvailable", false);
    swarm.put("Error", "");
    swarm.put("RemoteManagers", null);
    List<List<String>> driverStatus = List.of(List.of("Backing Filesystem", "extfs"),
        List.of("Supports d_type", "true"), List.of("Using metacopy", "false"), List.of("Native Overlay Diff", "true"),
        List.of("userxattr", "false"));
    Map<String, RuntimeInfo> runtimes = Map.of("runc", new RuntimeInfo("runc", null));
    return new Info(engineId, ctx.registry().size(), running, paused, stopped, ctx.images().list().size(), "overlay2",
        driverStatus, ctx.config().dataRoot().toString(), plugins, true, ContainerStarter.swapLimitSupported(), null,
        true, true, true, true, true, !v2, true, true, true, ctx.config().debug(), openFds(),
        Thread.activeCount(), DockerTime.format(Instant.now()), "json-file", "cgroupfs", v2 ? "2" : "1",
        ctx.events().listeners(), kernel(), osName(), osVersion(), "linux", "x86_64",
        Runtime.getRuntime().availableProcessors(), memTotal(), "https://index.docker.io/v1/", registry, null, "", "",
        "", hostname(), List.of(), false, VERSION, runtimes, ctx.config().runtimeName(), swarm, false, "",
        "docker-init", new Commit("", null), new Commit("", null), new Commit("", null), List.of("name=cgroupns"),
        null, null, warnings(), null);
  }

  /** What Docker's info warns about on this host. */
  private static List<String> warnings() {
    List<String> w = new ArrayList<>();
    if (!ContainerStarter.swapLimitSupported()) {
      w.add("WARNING: No swap limit support");
    }
    return w;
  }

  @Override
  public SystemDf df(List<String> types) {
    boolean all = types == null || types.isEmpty();
    List<ImageSummary> imgs = new ArrayList<>();
    long layers = 0;
    if (all || types.contains("image")) {
      for (ImageSummary s : images.list(true, Map.of())) {
        long uses = ctx.registry().all().stream().filter(c -> c.record().imageId().equals(s.id())).count();
        imgs.add(new ImageSummary(s.id(), s.parentId(), s.repoTags(), s.repoDigests(), s.created(), s.size(), 0L,
            null, s.labels(), uses));
        layers += s.size();
      }
    }
    List<ContainerSummary> cs = all || types.contains("container") ? containers.list(true, 0, true, Map.of())
        : List.of();
    List<Object> vols = new ArrayList<>();
    if (all || types.contains("volume")) {
      var store = ctx.volumes().store();
      for (var v : store.list(Map.of())) {
        vols.add(VolumeViews.json(store, v, true));
      }
    }
    return new SystemDf(layers, imgs, cs, vols, List.of());
  }

  @Override
  public Ping ping() {
    return new Ping(API_VERSION, "linux", false, "1");
  }

  static String kernel() {
    return read("/proc/sys/kernel/osrelease", "");
  }

  private static String hostname() {
    return read("/proc/sys/kernel/hostname", "localhost");
  }

  private static String osName() {
    return osRelease("PRETTY_NAME", "Linux");
  }

  private static String osVersion() {
    return osRelease("VERSION_ID", "");
  }

  private static String osRelease(String key, String dflt) {
    try {
      for (String l : Files.readAllLines(Path.of("/etc/os-release"))) {
        if (l.startsWith(key + "=")) {
          return l.substring(key.length() + 1).replace("\"", "");
        }
      }
    } catch (IOException e) {
      return dflt;
    }
    return dflt;
  }

  private static long memTotal() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (l.startsWith("MemTotal:")) {
          return Long.parseLong(l.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
    return 0;
  }

  private static int openFds() {
    try (var s = Files.list(Path.of("/proc/self/fd"))) {
      return (int) s.count();
    } catch (IOException e) {
      return 0;
    }
  }

  private static String read(String file, String dflt) {
    try {
      return Files.readString(Path.of(file)).strip();
    } catch (IOException e) {
      return dflt;
    }
  }
}
