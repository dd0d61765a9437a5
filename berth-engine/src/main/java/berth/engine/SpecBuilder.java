package berth.engine;

import berth.api.model.ContainerConfig;
import berth.api.model.HostConfig;
import berth.api.model.Mount;
import berth.api.model.Ulimit;
import berth.core.errors.InvalidArgument;
import berth.runtime.DockerDefaults;
import berth.runtime.oci.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a container's OCI spec from Docker's defaults ({@link DockerDefaults}), its config and
 * HostConfig: process (args, env, user, cwd, terminal, rlimits), mounts (/etc files, binds,
 * tmpfs, init), resources (memory, cpu, pids, blkio), namespaces, capabilities, paths.
 */
public final class SpecBuilder {
  /** Where Docker puts its init in the container. */
  public static final String INIT_PATH = "/sbin/docker-init";
  private static final List<String> RLIMITS = List.of("as", "core", "cpu", "data", "fsize", "locks", "memlock",
      "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack");

  /** What a start knows besides the record. */
  public record Inputs(
      ContainerRecord record, Path rootfs, ContainerFiles files, NetworkMode network, String joinedNetnsPath,
      Path initBinary, boolean swapLimitSupported, String joinedIpcPath, String joinedPidPath) {
    public Inputs(ContainerRecord record, Path rootfs, ContainerFiles files, NetworkMode network,
        String joinedNetnsPath, Path initBinary, boolean swapLimitSupported) {
      this(record, rootfs, files, network, joinedNetnsPath, initBinary, swapLimitSupported, null, null);
    }
  }

  /** A parsed -v bind "src:dst[:opts]". */
  public record Bind(String source, String destination, boolean readOnly, String propagation) {}

  private SpecBuilder() {}

  public static Spec build(Inputs in) {
    ContainerRecord r = in.record();
    ContainerConfig c = r.config();
    HostConfig h = r.hostConfig();
    UserResolver.ResolvedUser user = UserResolver.resolve(in.rootfs(), c.user(), h.groupAdd());
    List<String> args = new ArrayList<>();
    boolean init = Boolean.TRUE.equals(h.init());
    if (init) {
      args.addAll(List.of(INIT_PATH, "--"));
    }
    args.add(r.path());
    args.addAll(r.args());
    boolean tty = Boolean.TRUE.equals(c.tty());
    DockerDefaults.Builder b = DockerDefaults.builder()
        .args(args)
        .env(env(c, user))
        .cwd(c.workingDir() == null || c.workingDir().isEmpty() ? "/" : c.workingDir())
        .user(new Spec.User(user.uid(), user.gid(), null, user.additionalGids().isEmpty() ? null : user.additionalGids()))
        .terminal(tty)
        .rootfs(in.rootfs().toString())
        .readonlyRootfs(Boolean.TRUE.equals(h.readonlyRootfs()))
        .hostname(c.hostname())
        .privileged(Boolean.TRUE.equals(h.privileged()))
        .capAdd(h.capAdd() == null ? List.of() : h.capAdd())
        .capDrop(h.capDrop() == null ? List.of() : h.capDrop())
        .shmSize(h.shmSize() == null ? 0 : h.shmSize())
        .cgroupsPath(cgroupsPath(h, r.id()))
        .resources(resources(h, in.swapLimitSupported()))
        .hostPid("host".equals(h.pidMode()))
        .hostIpc("host".equals(h.ipcMode()))
        .hostUts("host".equals(h.utsMode()))
        .sysctl(h.sysctls() == null || h.sysctls().isEmpty() ? null : h.sysctls())
        .oomScoreAdj(h.oomScoreAdj() == null || h.oomScoreAdj() == 0 ? null : h.oomScoreAdj())
        .noNewPrivileges(noNewPrivileges(h.securityOpt()))
        .rlimits(rlimits(h.ulimits()));
    if (tty && h.consoleSize() != null && h.consoleSize().size() == 2 && h.consoleSize().get(0) > 0) {
      b.consoleSize(h.consoleSize().get(0), h.consoleSize().get(1));
    }
    switch (in.network()) {
      case NetworkMode.Host x -> b.hostNetwork();
      case NetworkMode.Joined x -> b.networkNamespace(in.joinedNetnsPath());
      case NetworkMode.None x -> b.networkNamespace(null);
      case NetworkMode.Attached x -> b.networkNamespace(in.joinedNetnsPath());
    }
    if (h.annotations() != null) {
      h.annotations().forEach(b::annotation);
    }
    for (Spec.Mount m : mounts(in, init)) {
      b.mount(m);
    }
    return adjust(b.build(), h, in);
  }

  /**
   * What DockerDefaults has no setter for: masked/read-only path overrides, the cgroup namespace,
   * --device nodes, and IPC/PID namespaces joined from another container.
   */
  private static Spec adjust(Spec s, HostConfig h, Inputs in) {
    Spec.Linux l = s.linux();
    List<Spec.Namespace> ns = new ArrayList<>();
    for (Spec.Namespace n : l.namespaces()) {
      String joined = n.type().equals("ipc") ? in.joinedIpcPath() : n.type().equals("pid") ? in.joinedPidPath() : null;
      ns.add(joined != null ? new Spec.Namespace(n.type(), joined) : n);
    }
    if ("private".equals(h.cgroupnsMode())) {
      ns.add(new Spec.Namespace("cgroup", null));
    }
    boolean priv = Boolean.TRUE.equals(h.privileged());
    List<String> masked = h.maskedPaths() != null && !priv ? h.maskedPaths() : l.maskedPaths();
    List<String> ro = h.readonlyPaths() != null && !priv ? h.readonlyPaths() : l.readonlyPaths();
    DeviceMappings.Result dev = DeviceMappings.of(h.devices());
    List<Spec.Device> devices = new ArrayList<>(l.devices() == null ? List.of() : l.devices());
    devices.addAll(dev.devices());
    Spec.Resources r = l.resources();
    List<Spec.DeviceCgroup> rules = new ArrayList<>(r.devices() == null ? List.of() : r.devices());
    rules.addAll(dev.rules());
    Spec.Resources res = new Spec.Resources(rules, r.memory(), r.cpu(), r.pids(), r.blockIO());
    Spec.Linux linux = new Spec.Linux(l.uidMappings(), l.gidMappings(), l.sysctl(), res, l.cgroupsPath(),
        ns, devices.isEmpty() ? null : devices, l.seccomp(), l.rootfsPropagation(), masked, ro, l.mountLabel());
    String domain = in.record().config().domainname();
    // runc cannot set a hostname without a UTS namespace of the container's own
    boolean hostUts = "host".equals(h.utsMode());
    return new Spec(s.ociVersion(), s.process(), s.root(), hostUts ? null : s.hostname(),
        hostUts || domain == null || domain.isEmpty() ? null : domain, s.mounts(), s.hooks(), s.annotations(), linux);
  }

  static List<String> env(ContainerConfig c, UserResolver.ResolvedUser user) {
    List<String> env = new ArrayList<>();
    env.add(DockerDefaults.DEFAULT_ENV.get(0));
    env.add("HOSTNAME=" + c.hostname());
    if (Boolean.TRUE.equals(c.tty())) {
      env.add("TERM=xterm");
    }
    if (c.env() != null) {
      for (String e : c.env()) {
        replaceOrAppend(env, e);
      }
    }
    if (env.stream().noneMatch(e -> e.startsWith("HOME="))) {
      env.add("HOME=" + user.home());
    }
    return env;
  }

  private static void replaceOrAppend(List<String> env, String e) {
    String key = e.contains("=") ? e.substring(0, e.indexOf('=')) : e;
    if (!e.contains("=")) {
      return; // a bare name in Env is "unset if not given": nothing to pass
    }
    for (int i = 0; i < env.size(); i++) {
      if (env.get(i).startsWith(key + "=")) {
        env.set(i, e);
        return;
      }
    }
    env.add(e);
  }

  private static String cgroupsPath(HostConfig h, String id) {
    String parent = h.cgroupParent() == null || h.cgroupParent().isEmpty() ? "/berth" : h.cgroupParent();
    return (parent.startsWith("/") ? parent : "/" + parent) + "/" + id;
  }

  static Spec.Resources resources(HostConfig h, boolean swapSupported) {
    long mem = v(h.memory());
    Long swap = null;
    if (swapSupported && mem > 0) {
      long s = v(h.memorySwap());
      swap = s == 0 ? 2 * mem : s;
    }
    Long swappiness = h.memorySwappiness() == null || h.memorySwappiness() < 0 ? null : h.memorySwappiness();
    Spec.Memory memory = new Spec.Memory(mem > 0 ? mem : null,
        v(h.memoryReservation()) > 0 ? h.memoryReservation() : null, swap, null, swappiness,
        Boolean.TRUE.equals(h.oomKillDisable()) ? Boolean.TRUE : null);
    Long period = v(h.cpuPeriod()) > 0 ? h.cpuPeriod() : null;
    Long quota = v(h.cpuQuota()) > 0 ? h.cpuQuota() : null;
    if (v(h.nanoCpus()) > 0) {
      period = 100_000L;
      quota = h.nanoCpus() * period / 1_000_000_000L;
    }
    Spec.Cpu cpu = new Spec.Cpu(v(h.cpuShares()) > 0 ? h.cpuShares() : null, quota, period, null, null,
        empty(h.cpusetCpus()) ? null : h.cpusetCpus(), empty(h.cpusetMems()) ? null : h.cpusetMems());
    Spec.Pids pids = h.pidsLimit() != null && h.pidsLimit() != 0 ? new Spec.Pids(h.pidsLimit() < 0 ? -1 : h.pidsLimit())
        : null;
    Spec.BlockIO blkio = h.blkioWeight() != null && h.blkioWeight() > 0 ? new Spec.BlockIO(h.blkioWeight()) : null;
    return new Spec.Resources(null, memory, cpu, pids, blkio);
  }

  private static boolean noNewPrivileges(List<String> opts) {
    if (opts == null) {
      return false;
    }
    return opts.stream().map(o -> o.replace(':', '='))
        .anyMatch(o -> o.equals("no-new-privileges") || o.equals("no-new-privileges=true"));
  }

  private static List<Spec.Rlimit> rlimits(List<Ulimit> ulimits) {
    if (ulimits == null || ulimits.isEmpty()) {
      return null;
    }
    List<Spec.Rlimit> out = new ArrayList<>();
    for (Ulimit u : ulimits) {
      out.add(new Spec.Rlimit(rlimitType(u.name()), v(u.hard()), v(u.soft())));
    }
    return out;
  }

  static String rlimitType(String name) {
    String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (!RLIMITS.contains(n)) {
      throw new InvalidArgument("invalid ulimit type: " + name);
    }
    return "RLIMIT_" + n.toUpperCase(Locale.ROOT);
  }

  private static List<Spec.Mount> mounts(Inputs in, boolean init) {
    HostConfig h = in.record().hostConfig();
    List<Spec.Mount> out = new ArrayList<>();
    List<String> etcOpts = List.of("rbind", "rprivate");
    out.add(new Spec.Mount("/etc/resolv.conf", "bind", in.files().resolvConf().toString(), etcOpts));
    out.add(new Spec.Mount("/etc/hostname", "bind", in.files().hostname().toString(), etcOpts));
    out.add(new Spec.Mount("/etc/hosts", "bind", in.files().hosts().toString(), etcOpts));
    if (init) {
      out.add(new Spec.Mount(INIT_PATH, "bind", in.initBinary().toString(), List.of("bind", "ro", "nosuid", "nodev")));
    }
    if (h.binds() != null) {
      for (String raw : h.binds()) {
        if (VolumeMounts.isVolume(raw)) {
          continue; // VolumeMounts adds volumes at start
        }
        Bind bnd = parseBind(raw);
        try {
          Files.createDirectories(Path.of(bnd.source())); // as Docker does for -v with a missing host path
        } catch (java.nio.file.FileAlreadyExistsException e) {
          // a file: bound as it is
        } catch (java.io.IOException e) {
          throw new InvalidArgument("error while creating mount source path '" + bnd.source() + "': " + e.getMessage());
        }
        out.add(new Spec.Mount(bnd.destination(), "bind", bnd.source(),
            List.of("rbind", bnd.propagation(), bnd.readOnly() ? "ro" : "rw")));
      }
    }
    if (h.tmpfs() != null) {
      for (Map.Entry<String, String> t : h.tmpfs().entrySet()) {
        List<String> opts = new ArrayList<>(List.of("noexec", "nosuid", "nodev"));
        if (t.getValue() != null && !t.getValue().isEmpty()) {
          opts.addAll(List.of(t.getValue().split(",")));
        }
        out.add(new Spec.Mount(t.getKey(), "tmpfs", "tmpfs", opts));
      }
    }
    if (h.mounts() != null) {
      for (Mount m : h.mounts()) {
        if ("volume".equals(m.type())) {
          continue; // VolumeMounts adds volumes at start
        }
        out.add(mount(m));
      }
    }
    return out;
  }

  private static Spec.Mount mount(Mount m) {
    boolean ro = Boolean.TRUE.equals(m.readOnly());
    if ("tmpfs".equals(m.type())) {
      List<String> opts = new ArrayList<>(List.of("noexec", "nosuid", "nodev"));
      Map<String, Object> t = m.tmpfsOptions();
      if (t != null && t.get("SizeBytes") instanceof Number n && n.longValue() > 0) {
        opts.add("size=" + n.longValue());
      }
      if (t != null && t.get("Mode") instanceof Number n) {
        opts.add("mode=" + Integer.toOctalString(n.intValue()));
      }
      if (ro) {
        opts.add("ro");
      }
      return new Spec.Mount(m.target(), "tmpfs", "tmpfs", opts);
    }
    if (!Files.exists(Path.of(m.source()))) {
      throw new InvalidArgument("invalid mount config for type \"bind\": bind source path does not exist: "
          + m.source());
    }
    String prop = m.bindOptions() != null && m.bindOptions().get("Propagation") instanceof String p ? p : "rprivate";
    return new Spec.Mount(m.target(), "bind", m.source(), List.of("rbind", prop, ro ? "ro" : "rw"));
  }

  /** Parses "src:dst[:opts]" where src is an absolute host path (named volumes are not available yet). */
  public static Bind parseBind(String raw) {
    String[] p = raw.split(":");
    if (p.length < 2 || p.length > 3) {
      throw new InvalidArgument("invalid volume specification: '" + raw + "'");
    }
    if (!p[0].startsWith("/")) {
      throw new InvalidArgument("named volumes are not available yet in Berth: '" + raw + "'");
    }
    if (!p[1].startsWith("/")) {
      throw new InvalidArgument("invalid volume specification: '" + raw + "': invalid mount config: "
          + "mount path must be absolute");
    }
    boolean ro = false;
    String prop = "rprivate";
    if (p.length == 3) {
      for (String o : p[2].split(",")) {
        switch (o) {
          case "ro" -> ro = true;
          case "rw", "z", "Z", "nocopy", "" -> { }
          case "private", "rprivate", "shared", "rshared", "slave", "rslave" -> prop = o;
          default -> throw new InvalidArgument("invalid mode: " + o);
        }
      }
    }
    return new Bind(p[0], p[1], ro, prop);
  }

  private static long v(Long x) {
    return x == null ? 0 : x;
  }

  private static boolean empty(String s) {
    return s == null || s.isEmpty();
  }
}
