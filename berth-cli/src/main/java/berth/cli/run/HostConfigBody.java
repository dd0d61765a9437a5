package berth.cli.run;

import berth.cli.CliError;
import berth.client.JsonTrees;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The {@code HostConfig} part of the create body: resources, restart, mounts, security. */
final class HostConfigBody {
  private HostConfigBody() {}

  static ObjectNode build(ContainerOptions o, ObjectNode volumes, int[] consoleSize) {
    ObjectNode h = JsonTrees.object();
    ArrayNode binds = JsonTrees.array();
    for (String v : o.volume) {
      if (splitVolume(v) == 1) {
        volumes.putObject(v);
      } else {
        binds.add(v);
      }
    }
    if (binds.isEmpty()) {
      h.putNull("Binds");
    } else {
      h.set("Binds", binds);
    }
    h.put("ContainerIDFile", "");
    ObjectNode log = h.putObject("LogConfig");
    log.put("Type", CreateBody.nz(o.logDriver));
    ObjectNode logCfg = log.putObject("Config");
    o.logOpt.forEach(kv -> {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw CreateBody.badFlag(kv, "--log-opt", "invalid key value pair format");
      }
      logCfg.put(kv.substring(0, eq), kv.substring(eq + 1));
    });
    h.put("NetworkMode", o.network.isEmpty() || o.network.getFirst().isEmpty() ? "default" : o.network.getFirst());
    h.set("PortBindings", PortSpecs.bindings(o.publish));
    h.set("RestartPolicy", restart(o));
    h.put("AutoRemove", o.rm);
    h.putArray("ConsoleSize").add(consoleSize[0]).add(consoleSize[1]);
    list(h, "CapAdd", o.capAdd);
    list(h, "CapDrop", o.capDrop);
    if (o.cgroupns != null) {
      h.put("CgroupnsMode", o.cgroupns);
    }
    list(h, "Dns", o.dns);
    list(h, "DnsOptions", o.dnsOption);
    list(h, "DnsSearch", o.dnsSearch);
    for (String l : o.link) {
      String[] parts = l.split(":", -1);
      if (l.isEmpty() || parts.length > 2 || parts[0].isEmpty() || parts.length == 2 && parts[1].isEmpty()) {
        throw CreateBody.badFlag(l, "--link", "bad format for links: " + l);
      }
    }
    list(h, "Links", o.link);
    list(h, "ExtraHosts", o.addHost);
    list(h, "GroupAdd", o.groupAdd);
    h.put("IpcMode", CreateBody.nz(o.ipc));
    h.put("OomScoreAdj", o.oomScoreAdj == null ? 0 : o.oomScoreAdj);
    h.put("PidMode", CreateBody.nz(o.pid));
    h.put("Privileged", o.privileged);
    h.put("PublishAllPorts", o.publishAll);
    h.put("ReadonlyRootfs", o.readOnly);
    list(h, "SecurityOpt", o.securityOpt);
    h.put("UTSMode", CreateBody.nz(o.uts));
    h.put("ShmSize", o.shmSize == null ? 0 : CreateBody.size(o.shmSize, "--shm-size"));
    if (o.runtime != null) {
      h.put("Runtime", o.runtime);
    }
    resources(h, o);
    if (!o.tmpfs.isEmpty()) {
      ObjectNode t = h.putObject("Tmpfs");
      for (String spec : o.tmpfs) {
        int colon = spec.indexOf(':');
        t.put(colon < 0 ? spec : spec.substring(0, colon), colon < 0 ? "" : spec.substring(colon + 1));
      }
    }
    if (!o.volumesFrom.isEmpty()) {
      ArrayNode from = h.putArray("VolumesFrom");
      o.volumesFrom.forEach(from::add);
    }
    if (!o.mount.isEmpty()) {
      ArrayNode mounts = h.putArray("Mounts");
      o.mount.forEach(m -> mounts.add(MountSpec.parse(m)));
    }
    if (o.init != null) {
      h.put("Init", o.init);
    }
    return h;
  }

  private static void resources(ObjectNode h, ContainerOptions o) {
    h.put("CpuShares", o.cpuShares == null ? 0 : o.cpuShares);
    h.put("Memory", o.memory == null ? 0 : CreateBody.size(o.memory, "-m, --memory"));
    h.put("NanoCpus", o.cpus == null ? 0 : CreateBody.nanoCpus(o.cpus));
    h.put("CgroupParent", CreateBody.nz(o.cgroupParent));
    if (o.cpuPeriod != null) {
      h.put("CpuPeriod", o.cpuPeriod);
    }
    if (o.cpuQuota != null) {
      h.put("CpuQuota", o.cpuQuota);
    }
    h.put("CpusetCpus", CreateBody.nz(o.cpusetCpus));
    h.put("CpusetMems", CreateBody.nz(o.cpusetMems));
    h.put("MemoryReservation", o.memoryReservation == null ? 0 : CreateBody.size(o.memoryReservation, "--memory-reservation"));
    long swap = 0;
    if (o.memorySwap != null) {
      swap = o.memorySwap.equals("-1") ? -1 : CreateBody.size(o.memorySwap, "--memory-swap");
    }
    h.put("MemorySwap", swap);
    h.put("OomKillDisable", o.oomKillDisable);
    if (o.pidsLimit != null) {
      h.put("PidsLimit", o.pidsLimit);
    } else {
      h.putNull("PidsLimit");
    }
    if (o.ulimit.isEmpty()) {
      h.putNull("Ulimits");
    } else {
      ArrayNode u = h.putArray("Ulimits");
      o.ulimit.forEach(s -> u.add(ulimit(s)));
    }
  }

  /** {@code name=soft[:hard]}; hard defaults to soft. */
  static ObjectNode ulimit(String s) {
    int eq = s.indexOf('=');
    if (eq <= 0) {
      throw CreateBody.badFlag(s, "--ulimit", "invalid ulimit argument: " + s);
    }
    String name = s.substring(0, eq);
    String[] parts = s.substring(eq + 1).split(":", -1);
    if (parts.length > 2) {
      throw CreateBody.badFlag(s, "--ulimit", "too many limit value arguments - " + s.substring(eq + 1) + ", can only have up to two, `soft[:hard]`");
    }
    long soft;
    long hard;
    try {
      soft = Long.parseLong(parts[0]);
      hard = parts.length == 2 ? Long.parseLong(parts[1]) : soft;
    } catch (NumberFormatException e) {
      throw CreateBody.badFlag(s, "--ulimit", "invalid ulimit argument: " + s);
    }
    if (soft > hard) {
      throw CreateBody.badFlag(s, "--ulimit", "ulimit soft limit must be less than or equal to hard limit: " + soft + " > " + hard);
    }
    ObjectNode u = JsonTrees.object();
    u.put("Name", name);
    u.put("Hard", hard);
    u.put("Soft", soft);
    return u;
  }

  private static ObjectNode restart(ContainerOptions o) {
    ObjectNode r = JsonTrees.object();
    String policy = o.restart == null ? "" : o.restart;
    String name = policy;
    int max = 0;
    int colon = policy.indexOf(':');
    if (colon >= 0) {
      name = policy.substring(0, colon);
      if (name.isEmpty()) {
        throw new CliError("invalid restart policy format: no policy provided before colon", 125);
      }
      try {
        max = Integer.parseInt(policy.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new CliError("invalid restart policy format: maximum retry count must be an integer", 125);
      }
    }
    if (o.rm && !name.isEmpty() && !name.equals("no")) {
      throw new CliError("conflicting options: cannot specify both --restart and --rm", 125);
    }
    r.put("Name", name.isEmpty() ? "no" : name);
    r.put("MaximumRetryCount", max);
    return r;
  }

  private static void list(ObjectNode h, String key, List<String> values) {
    if (values.isEmpty()) {
      h.putNull(key);
      return;
    }
    ArrayNode a = h.putArray(key);
    values.forEach(a::add);
  }

  /** Number of colon-separated parts of a -v spec; one part means an anonymous volume. */
  private static int splitVolume(String v) {
    if (v.isEmpty()) {
      throw new CliError("invalid argument \"\" for \"-v, --volume\" flag: invalid empty volume spec", 125);
    }
    return v.split(":").length;
  }

}
