package berth.engine;

import berth.api.model.ContainerConfig;
import berth.api.model.ContainerInspect;
import berth.api.model.ContainerState;
import berth.api.model.ContainerSummary;
import berth.api.model.DockerTime;
import berth.api.model.EndpointSettings;
import berth.api.model.GraphDriver;
import berth.api.model.HostConfig;
import berth.api.model.MountPoint;
import berth.api.model.NetworkSettings;
import berth.api.model.SummaryHostConfig;
import berth.api.model.SummaryNetworkSettings;
import berth.snapshot.Mount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Translates container records to the wire shapes of inspect and ps. */
final class ContainerViews {
  private final EngineContext ctx;

  ContainerViews(EngineContext ctx) {
    this.ctx = ctx;
  }

  ContainerInspect inspect(Container c, Long sizeRw, Long sizeRootFs) {
    ContainerRecord r = c.record();
    ContainerFiles files = ctx.files(r.id());
    HostConfig h = r.hostConfig();
    return new ContainerInspect(r.id(), DockerTime.formatNanos(r.createdNanos()), r.path(), r.args(), state(r),
        r.imageId(), files.resolvConf().toString(), files.hostname().toString(), files.hosts().toString(),
        files.log().toString(), r.name(), r.restartCount(), "overlay2", "linux", "", "", "",
        c.execIds.isEmpty() ? null : List.copyOf(c.execIds), h, graphDriver(r.id()), sizeRw, sizeRootFs,
        mountPoints(r), config(r), networkSettings(r));
  }

  static ContainerConfig config(ContainerRecord r) {
    return r.config();
  }

  static ContainerState state(ContainerRecord r) {
    ContainerRecord.State s = r.state();
    ContainerStatus st = s.status();
    boolean running = st == ContainerStatus.RUNNING || st == ContainerStatus.PAUSED;
    return new ContainerState(st.toString(), running, st == ContainerStatus.PAUSED,
        st == ContainerStatus.RESTARTING, s.oomKilled(), st == ContainerStatus.DEAD, running ? s.pid() : 0,
        s.exitCode(), s.error() == null ? "" : s.error(), DockerTime.formatNanos(s.startedAtNanos()),
        DockerTime.formatNanos(s.finishedAtNanos()), s.health());
  }

  private GraphDriver graphDriver(String id) {
    Map<String, String> data = new LinkedHashMap<>();
    try {
      List<Mount> mounts = ctx.snapshotter().mounts(id);
      for (Mount m : mounts) {
        for (String o : m.options()) {
          if (o.startsWith("lowerdir=")) {
            data.put("LowerDir", o.substring(9));
          } else if (o.startsWith("upperdir=")) {
            data.put("UpperDir", o.substring(9));
          } else if (o.startsWith("workdir=")) {
            data.put("WorkDir", o.substring(8));
          }
        }
      }
      data.put("MergedDir", ctx.rootfs(id).toString());
    } catch (RuntimeException e) {
      // no snapshot (being removed): Docker shows the driver with no data
    }
    return new GraphDriver("overlay2", data);
  }

  /** Binds and tmpfs from the HostConfig, then the container's volumes. */
  List<MountPoint> mountPoints(ContainerRecord r) {
    List<MountPoint> out = new ArrayList<>(mountPoints(r.hostConfig()));
    out.addAll(ctx.volumes().mountPoints(r.id()));
    return out;
  }

  static List<MountPoint> mountPoints(HostConfig h) {
    List<MountPoint> out = new ArrayList<>();
    if (h.binds() != null) {
      for (String b : h.binds()) {
        if (VolumeMounts.isVolume(b)) {
          continue;
        }
        SpecBuilder.Bind bind = SpecBuilder.parseBind(b);
        String mode = b.split(":").length == 3 ? b.split(":")[2] : "";
        out.add(new MountPoint("bind", null, bind.source(), bind.destination(), null, mode, !bind.readOnly(),
            bind.propagation()));
      }
    }
    if (h.mounts() != null) {
      for (berth.api.model.Mount m : h.mounts()) {
        boolean rw = !Boolean.TRUE.equals(m.readOnly());
        if ("volume".equals(m.type())) {
          continue; // listed by VolumeMounts
        }
        if ("bind".equals(m.type())) {
          out.add(new MountPoint("bind", null, m.source(), m.target(), null, "", rw, "rprivate"));
        } else {
          out.add(new MountPoint("tmpfs", null, "", m.target(), null, "", rw, ""));
        }
      }
    }
    return out;
  }

  NetworkSettings networkSettings(ContainerRecord r) {
    if (NetworkMode.parse(r.hostConfig().networkMode()) instanceof NetworkMode.Attached && ctx.networking().enabled()) {
      Map<String, EndpointSettings> nets = ctx.networking().networks(r);
      // Docker fills the top-level fields from the default bridge's endpoint only
      EndpointSettings b = nets.get("bridge");
      boolean up = r.state().status() == ContainerStatus.RUNNING || r.state().status() == ContainerStatus.PAUSED;
      String sandbox = up ? ctx.networking().service().netnsPath(r.id()).toString() : "";
      return new NetworkSettings("", up ? sandboxId(r) : "", sandbox, ctx.networking().ports(r), false,
          "", 0, null, null, b == null ? "" : b.endpointID(), b == null ? "" : b.gateway(), "", 0,
          b == null ? "" : b.ipAddress(), b == null ? 0 : b.ipPrefixLen(), "", b == null ? "" : b.macAddress(), nets);
    }
    return new NetworkSettings("", "", "", Map.of(), false, "", 0, null, null, "", "", "", 0, "", 0, "", "",
        networks(r));
  }

  /**
   * Docker's SandboxID: the id of the network sandbox, 64 hex digits of its own (not the
   * container's id), new for every start: derived from the container's id and start time.
   */
  static String sandboxId(ContainerRecord r) {
    try {
      byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(
          ("sandbox:" + r.id() + ":" + r.state().startedAtNanos()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(h);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** ps's Ports column: published ports with their host sides, exposed ones without. */
  List<berth.api.model.Port> ports(ContainerRecord r) {
    if (!ctx.networking().enabled()) {
      return List.of();
    }
    List<berth.api.model.Port> out = new java.util.ArrayList<>();
    ctx.networking().ports(r).forEach((k, v) -> {
      String[] pp = k.split("/", 2);
      int cport = Integer.parseInt(pp[0]);
      if (v == null || v.isEmpty()) {
        out.add(new berth.api.model.Port(null, cport, null, pp[1]));
      } else {
        v.forEach(b -> out.add(new berth.api.model.Port(b.hostIp(), cport, Integer.parseInt(b.hostPort()), pp[1])));
      }
    });
    return out;
  }

  Map<String, EndpointSettings> summaryNetworks(ContainerRecord r) {
    if (NetworkMode.parse(r.hostConfig().networkMode()) instanceof NetworkMode.Attached && ctx.networking().enabled()) {
      return ctx.networking().networks(r);
    }
    return networks(r);
  }

  static Map<String, EndpointSettings> networks(ContainerRecord r) {
    String mode = r.hostConfig().networkMode();
    if (mode == null || mode.startsWith("container:")) {
      return Map.of();
    }
    Map<String, EndpointSettings> m = new LinkedHashMap<>();
    m.put(mode, new EndpointSettings(null, null, "", null, null, mode, "", "", "", 0, "", "", 0, null));
    return m;
  }

  ContainerSummary summary(Container c, Long sizeRw, Long sizeRootFs) {
    ContainerRecord r = c.record();
    // Docker quotes arguments that contain spaces in the ps Command column
    String command = r.path() + (r.args().isEmpty() ? "" : " " + String.join(" ",
        r.args().stream().map(a -> a.contains(" ") ? "'" + a + "'" : a).toList()));
    return new ContainerSummary(r.id(), List.of(r.name()), r.config().image(), r.imageId(), command,
        r.createdNanos() / 1_000_000_000L, ports(r), sizeRw, sizeRootFs,
        r.config().labels() == null ? Map.of() : r.config().labels(), r.state().status().toString(), status(r),
        new SummaryHostConfig(r.hostConfig().networkMode(), r.hostConfig().annotations()),
        new SummaryNetworkSettings(summaryNetworks(r)), mountPoints(r));
  }

  /** The Status column: "Up 2 minutes (healthy)", "Exited (1) 3 seconds ago", "Created", ... */
  static String status(ContainerRecord r) {
    ContainerRecord.State s = r.state();
    Instant now = Instant.now();
    return switch (s.status()) {
      case RUNNING -> "Up " + since(s.startedAtNanos(), now) + health(s);
      case PAUSED -> "Up " + since(s.startedAtNanos(), now) + " (Paused)";
      case RESTARTING -> "Restarting (" + s.exitCode() + ") " + since(s.finishedAtNanos(), now) + " ago";
      case REMOVING -> "Removal In Progress";
      case DEAD -> "Dead";
      case CREATED -> "Created";
      case EXITED -> s.finishedAtNanos() == 0 ? "Created"
          : "Exited (" + s.exitCode() + ") " + since(s.finishedAtNanos(), now) + " ago";
    };
  }

  private static String health(ContainerRecord.State s) {
    if (s.health() == null || s.health().status() == null || s.health().status().equals("none")) {
      return "";
    }
    return s.health().status().equals("starting") ? " (health: starting)" : " (" + s.health().status() + ")";
  }

  private static String since(long nanos, Instant now) {
    Duration d = Duration.between(DockerTime.ofNanos(nanos), now);
    return HumanDuration.of(d.isNegative() ? Duration.ZERO : d);
  }
}
