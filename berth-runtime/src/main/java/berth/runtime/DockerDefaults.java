package berth.runtime;

import berth.runtime.oci.Spec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the base OCI spec Docker gives a container: default capabilities (all when privileged),
 * the standard mounts (/proc, /dev, /dev/pts, /dev/shm, /dev/mqueue, /sys, /sys/fs/cgroup), masked
 * and read-only /proc paths, the default device cgroup rules, and the namespaces.
 *
 * <pre>{@code
 * Spec spec = DockerDefaults.builder()
 *     .args(List.of("sh", "-c", "echo hi")).rootfs("rootfs").hostname("c1")
 *     .cgroupsPath("/berth/" + id).networkNamespace(null)   // null: a new empty netns
 *     .build();
 * }</pre>
 *
 * <p>Privileged containers get every host device node ({@link HostDevices}), all capabilities,
 * no masked paths and a writable /sys. Berth differs from Docker on purpose: no default seccomp or AppArmor profile is applied yet,
 * and /dev/shm is a per-container tmpfs rather than a bind of a tmpfs kept in the container dir.
 */
public final class DockerDefaults {
  public static final List<String> MASKED_PATHS = List.of(
      "/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
      "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware",
      "/sys/devices/virtual/powercap");
  public static final List<String> READONLY_PATHS = List.of(
      "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");
  public static final List<String> DEFAULT_ENV = List.of(
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
  public static final long DEFAULT_SHM_SIZE = 64L * 1024 * 1024;

  private DockerDefaults() {}

  public static Builder builder() {
    return new Builder();
  }

  /** Docker's allowed devices: deny all, then mknod anything and use the standard nodes. */
  public static List<Spec.DeviceCgroup> defaultDeviceRules() {
    return List.of(
        new Spec.DeviceCgroup(false, null, null, null, "rwm"),
        new Spec.DeviceCgroup(true, "c", null, null, "m"),
        new Spec.DeviceCgroup(true, "b", null, null, "m"),
        dev(1, 3), dev(1, 8), dev(1, 7), dev(5, 0), dev(1, 5), dev(1, 9), dev(5, 1),
        new Spec.DeviceCgroup(true, "c", 136L, null, "rwm"), dev(5, 2), dev(10, 200));
  }

  private static Spec.DeviceCgroup dev(long major, long minor) {
    return new Spec.DeviceCgroup(true, "c", major, minor, "rwm");
  }

  /** The mounts every container gets; shmSize in bytes. */
  public static List<Spec.Mount> defaultMounts(long shmSize, boolean privileged) {
    String roCg = privileged ? "rw" : "ro";
    return new ArrayList<>(List.of(
        new Spec.Mount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev")),
        new Spec.Mount("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")),
        new Spec.Mount("/dev/pts", "devpts", "devpts",
            List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5")),
        new Spec.Mount("/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", roCg)),
        new Spec.Mount("/sys/fs/cgroup", "cgroup", "cgroup", List.of(roCg, "nosuid", "noexec", "nodev")),
        new Spec.Mount("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")),
        new Spec.Mount("/dev/shm", "tmpfs", "shm",
            List.of("nosuid", "noexec", "nodev", "mode=1777", "size=" + shmSize))));
  }

  private static final java.util.Set<String> DEFAULT_DESTINATIONS = java.util.Set.of(
      "/proc", "/dev", "/dev/pts", "/sys", "/sys/fs/cgroup", "/dev/mqueue", "/dev/shm");

  /** Number of path elements of a mount destination: "/" is 0, "/etc" 1, "/etc/hosts" 2. */
  static int depth(String destination) {
    int n = 0;
    for (String part : destination.split("/")) {
      if (!part.isEmpty() && !part.equals(".")) {
        n++;
      }
    }
    return n;
  }

  /**
   * {@code mounts} (this class's defaults first, then the container's own) with {@code more} of the
   * container's own added, and the container's own in Docker's order: by destination depth, shallow
   * first, otherwise as given. So a volume on /etc goes under the /etc/hosts bind, not over it.
   */
  public static List<Spec.Mount> withUserMounts(List<Spec.Mount> mounts, List<Spec.Mount> more) {
    int defaults = 0;
    while (defaults < mounts.size() && DEFAULT_DESTINATIONS.contains(mounts.get(defaults).destination())) {
      defaults++;
    }
    List<Spec.Mount> own = new ArrayList<>(mounts.subList(defaults, mounts.size()));
    own.addAll(more);
    own.sort(java.util.Comparator.comparingInt(m -> depth(m.destination()))); // List.sort is stable
    List<Spec.Mount> out = new ArrayList<>(mounts.subList(0, defaults));
    out.addAll(own);
    return out;
  }

  /** A fluent spec builder; every setter is optional. */
  public static final class Builder {
    private List<String> args = List.of("sh");
    private List<String> env = DEFAULT_ENV;
    private String cwd = "/";
    private Spec.User user = new Spec.User(0, 0, null, null);
    private boolean terminal;
    private Spec.ConsoleSize consoleSize;
    private String rootfs = "rootfs";
    private boolean readonlyRootfs;
    private String hostname;
    private boolean privileged;
    private List<String> capAdd = List.of();
    private List<String> capDrop = List.of();
    private long shmSize = DEFAULT_SHM_SIZE;
    private final List<Spec.Mount> extraMounts = new ArrayList<>();
    private String cgroupsPath;
    private Spec.Resources resources;
    private boolean newNetns = true;
    private String netnsPath;
    private boolean hostPid;
    private boolean hostIpc;
    private boolean hostUts;
    private Map<String, String> sysctl;
    private Map<String, String> annotations = new LinkedHashMap<>();
    private Integer oomScoreAdj;
    private boolean noNewPrivileges;
    private List<Spec.Rlimit> rlimits;

    public Builder args(List<String> v) { args = v; return this; }
    public Builder env(List<String> v) { env = v; return this; }
    public Builder cwd(String v) { cwd = v; return this; }
    public Builder user(Spec.User v) { user = v; return this; }
    public Builder terminal(boolean v) { terminal = v; return this; }
    public Builder consoleSize(int height, int width) { consoleSize = new Spec.ConsoleSize(height, width); return this; }
    public Builder rootfs(String path) { rootfs = path; return this; }
    public Builder readonlyRootfs(boolean v) { readonlyRootfs = v; return this; }
    public Builder hostname(String v) { hostname = v; return this; }
    public Builder privileged(boolean v) { privileged = v; return this; }
    public Builder capAdd(List<String> v) { capAdd = v; return this; }
    public Builder capDrop(List<String> v) { capDrop = v; return this; }
    public Builder shmSize(long bytes) { shmSize = bytes > 0 ? bytes : DEFAULT_SHM_SIZE; return this; }
    public Builder mount(Spec.Mount m) { extraMounts.add(m); return this; }
    public Builder cgroupsPath(String v) { cgroupsPath = v; return this; }
    public Builder resources(Spec.Resources v) { resources = v; return this; }
    public Builder hostPid(boolean v) { hostPid = v; return this; }
    public Builder hostIpc(boolean v) { hostIpc = v; return this; }
    public Builder hostUts(boolean v) { hostUts = v; return this; }
    public Builder sysctl(Map<String, String> v) { sysctl = v; return this; }
    public Builder annotation(String k, String v) { annotations.put(k, v); return this; }
    public Builder oomScoreAdj(Integer v) { oomScoreAdj = v; return this; }
    public Builder noNewPrivileges(boolean v) { noNewPrivileges = v; return this; }
    public Builder rlimits(List<Spec.Rlimit> v) { rlimits = v; return this; }

    /** Joins the network namespace at {@code path}; null means a new, empty one. */
    public Builder networkNamespace(String path) { newNetns = true; netnsPath = path; return this; }

    /** Shares the host's network namespace (--network host). */
    public Builder hostNetwork() { newNetns = false; netnsPath = null; return this; }

    public Spec build() {
      List<String> caps = Capabilities.resolve(Capabilities.DOCKER_DEFAULT, capAdd, capDrop, privileged);
      Spec.Capabilities capSet = new Spec.Capabilities(caps, caps, List.of(), caps, null);
      Spec.Process process = new Spec.Process(terminal, consoleSize, user, args, env, cwd, capSet, rlimits,
          noNewPrivileges ? Boolean.TRUE : null, null, oomScoreAdj, null);
      List<Spec.Mount> mounts = defaultMounts(shmSize, privileged);
      mounts.removeIf(m -> extraMounts.stream().anyMatch(e -> e.destination().equals(m.destination())));
      mounts = withUserMounts(mounts, extraMounts);
      List<Spec.DeviceCgroup> rules = privileged
          ? List.of(new Spec.DeviceCgroup(true, null, null, null, "rwm")) : defaultDeviceRules();
      Spec.Resources res = resources == null
          ? new Spec.Resources(rules, null, null, null, null)
          : new Spec.Resources(rules, resources.memory(), resources.cpu(), resources.pids(), resources.blockIO());
      List<Spec.Device> devices = privileged ? HostDevices.list(java.nio.file.Path.of("/dev")) : null;
      Spec.Linux linux = new Spec.Linux(null, null, sysctl, res, cgroupsPath, namespaces(), devices, null, null,
          privileged ? null : MASKED_PATHS, privileged ? null : READONLY_PATHS, null);
      return new Spec("1.0.2-dev", process, new Spec.Root(rootfs, readonlyRootfs), hostname, null, mounts,
          null, annotations.isEmpty() ? null : annotations, linux);
    }

    private List<Spec.Namespace> namespaces() {
      List<Spec.Namespace> ns = new ArrayList<>();
      if (!hostPid) {
        ns.add(new Spec.Namespace("pid", null));
      }
      if (!hostIpc) {
        ns.add(new Spec.Namespace("ipc", null));
      }
      if (!hostUts) {
        ns.add(new Spec.Namespace("uts", null));
      }
      ns.add(new Spec.Namespace("mount", null));
      if (newNetns) {
        ns.add(new Spec.Namespace("network", netnsPath));
      }
      return ns;
    }
  }
}
