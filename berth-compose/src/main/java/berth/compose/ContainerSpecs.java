package berth.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A service's normalized tree into the Engine API's {@code POST /containers/create} body, as
 * Docker's compose fills it: compose labels, the first network as NetworkMode and every network as
 * an endpoint with the service name among its aliases, volumes as Mounts (short-syntax binds as
 * Binds, so a missing host directory is created as compose does).
 */
public final class ContainerSpecs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ContainerSpecs() {}

  /**
   * @param number the container number (the {@code -1} in {@code web-1})
   * @param networkModeContainer for {@code network_mode: service:x}, the id of x's container
   */
  public static ObjectNode build(Project p, Service svc, int number, String hash, boolean oneoff,
      String networkModeContainer) {
    ObjectNode c = svc.config();
    ObjectNode body = NODES.objectNode();
    body.put("Image", svc.image(p.name()));
    words(body, "Cmd", c.get("command"));
    words(body, "Entrypoint", c.get("entrypoint"));
    ArrayNode env = body.putArray("Env");
    if (c.get("environment") instanceof ObjectNode e) {
      e.properties().forEach(en -> env.add(en.getKey() + "=" + en.getValue().asText()));
    }
    ObjectNode labels = body.putObject("Labels");
    if (c.get("labels") instanceof ObjectNode l) {
      l.properties().forEach(en -> labels.put(en.getKey(), en.getValue().asText()));
    }
    labels.put(Labels.PROJECT, p.name()).put(Labels.SERVICE, svc.name()).put(Labels.NUMBER, String.valueOf(number))
        .put(Labels.ONEOFF, oneoff ? "True" : "False").put(Labels.CONFIG_HASH, hash)
        .put(Labels.WORKING_DIR, p.workingDir().toString())
        .put(Labels.CONFIG_FILES, String.join(",", p.configFiles().stream().map(Object::toString).toList()))
        .put(Labels.VERSION, Labels.COMPOSE_VERSION).put(Labels.IMAGE, svc.image(p.name()));
    text(body, "Hostname", c, "hostname");
    text(body, "Domainname", c, "domainname");
    text(body, "User", c, "user");
    text(body, "WorkingDir", c, "working_dir");
    text(body, "StopSignal", c, "stop_signal");
    body.put("Tty", c.path("tty").asBoolean(false));
    body.put("OpenStdin", c.path("stdin_open").asBoolean(false));
    body.put("AttachStdout", true).put("AttachStderr", true);
    if (c.hasNonNull("stop_grace_period")) {
      body.put("StopTimeout", Units.durationNanos(c.get("stop_grace_period").asText()) / 1_000_000_000L);
    }
    ObjectNode exposed = NODES.objectNode();
    for (JsonNode e : c.path("expose")) {
      String s = e.asText();
      exposed.putObject(s.contains("/") ? s : s + "/tcp");
    }
    ObjectNode host = body.putObject("HostConfig");
    ports(c, exposed, host);
    if (!exposed.isEmpty()) {
      body.set("ExposedPorts", exposed);
    }
    healthcheck(c, body);
    volumes(p, c, host);
    restart(c, host);
    resources(c, host);
    networking(p, svc, body, host, networkModeContainer, number);
    hostFlags(c, host);
    return body;
  }

  private static void words(ObjectNode body, String key, JsonNode v) {
    if (v == null || v.isNull()) {
      return;
    }
    ArrayNode a = body.putArray(key);
    if (v.isArray()) {
      v.forEach(x -> a.add(x.asText()));
    } else {
      ShellWords.split(v.asText()).forEach(a::add);
    }
  }

  private static void text(ObjectNode body, String key, ObjectNode c, String field) {
    if (c.hasNonNull(field)) {
      body.put(key, c.get(field).asText());
    }
  }

  private static void ports(ObjectNode c, ObjectNode exposed, ObjectNode host) {
    ObjectNode bindings = NODES.objectNode();
    for (JsonNode n : c.path("ports")) {
      for (PortSpec ps : PortSpec.parse(n)) {
        exposed.putObject(ps.key());
        ArrayNode list = bindings.has(ps.key()) ? (ArrayNode) bindings.get(ps.key()) : bindings.putArray(ps.key());
        list.addObject().put("HostIp", ps.hostIp()).put("HostPort", ps.published());
      }
    }
    if (!bindings.isEmpty()) {
      host.set("PortBindings", bindings);
    }
  }

  private static void healthcheck(ObjectNode c, ObjectNode body) {
    if (!(c.get("healthcheck") instanceof ObjectNode h)) {
      return;
    }
    ObjectNode out = body.putObject("Healthcheck");
    if (h.path("disable").asBoolean(false)) {
      out.putArray("Test").add("NONE");
      return;
    }
    if (h.has("test")) {
      ArrayNode t = out.putArray("Test");
      h.get("test").forEach(x -> t.add(x.asText()));
    }
    for (String[] k : new String[][] {{"interval", "Interval"}, {"timeout", "Timeout"}, {"start_period", "StartPeriod"},
        {"start_interval", "StartInterval"}}) {
      if (h.hasNonNull(k[0])) {
        out.put(k[1], Units.durationNanos(h.get(k[0]).asText()));
      }
    }
    if (h.has("retries")) {
      out.put("Retries", h.get("retries").asInt());
    }
  }

  private static void volumes(Project p, ObjectNode c, ObjectNode host) {
    ArrayNode binds = NODES.arrayNode();
    ArrayNode mounts = NODES.arrayNode();
    for (JsonNode v : c.path("volumes")) {
      String type = v.path("type").asText("volume");
      String target = v.path("target").asText();
      boolean ro = v.path("read_only").asBoolean(false);
      switch (type) {
        case "bind" -> {
          if (v.path("bind").path("create_host_path").asBoolean(false)) {
            binds.add(v.get("source").asText() + ":" + target + (ro ? ":ro" : ""));
          } else {
            mounts.addObject().put("Type", "bind").put("Source", v.get("source").asText()).put("Target", target).put("ReadOnly", ro);
          }
        }
        case "tmpfs" -> {
          ObjectNode m = mounts.addObject().put("Type", "tmpfs").put("Target", target);
          if (v.path("tmpfs").hasNonNull("size")) {
            JsonNode size = v.path("tmpfs").get("size");
            m.putObject("TmpfsOptions").put("SizeBytes", size.isNumber() ? size.asLong() : Units.bytes(size.asText()));
          }
        }
        default -> {
          ObjectNode m = mounts.addObject().put("Type", "volume").put("Target", target).put("ReadOnly", ro);
          String src = v.path("source").asText("");
          if (!src.isEmpty()) {
            m.put("Source", p.volumeName(src));
          }
          if (v.path("volume").path("nocopy").asBoolean(false)) {
            m.putObject("VolumeOptions").put("NoCopy", true);
          }
        }
      }
    }
    if (!binds.isEmpty()) {
      host.set("Binds", binds);
    }
    if (!mounts.isEmpty()) {
      host.set("Mounts", mounts);
    }
    JsonNode tmpfs = c.get("tmpfs");
    if (tmpfs != null) {
      ObjectNode t = host.putObject("Tmpfs");
      for (JsonNode x : tmpfs.isArray() ? tmpfs : NODES.arrayNode().add(tmpfs)) {
        String s = x.asText();
        int colon = s.indexOf(':');
        t.put(colon < 0 ? s : s.substring(0, colon), colon < 0 ? "" : s.substring(colon + 1));
      }
    }
  }

  private static void restart(ObjectNode c, ObjectNode host) {
    String r = c.path("restart").asText("no");
    ObjectNode rp = host.putObject("RestartPolicy");
    int colon = r.indexOf(':');
    rp.put("Name", colon < 0 ? r : r.substring(0, colon));
    rp.put("MaximumRetryCount", colon < 0 ? 0 : Integer.parseInt(r.substring(colon + 1)));
    if (rp.get("Name").asText().equals("no")) {
      rp.put("Name", "");
    }
  }

  private static void resources(ObjectNode c, ObjectNode host) {
    JsonNode limits = c.path("deploy").path("resources").path("limits");
    String cpus = limits.hasNonNull("cpus") ? limits.get("cpus").asText() : c.hasNonNull("cpus") ? c.get("cpus").asText() : null;
    if (cpus != null) {
      host.put("NanoCpus", (long) (Double.parseDouble(cpus) * 1e9));
    }
    JsonNode mem = limits.hasNonNull("memory") ? limits.get("memory") : c.get("mem_limit");
    if (mem != null && !mem.isNull()) {
      host.put("Memory", mem.isNumber() ? mem.asLong() : Units.bytes(mem.asText()));
    }
    JsonNode pids = limits.hasNonNull("pids") ? limits.get("pids") : c.get("pids_limit");
    if (pids != null && !pids.isNull()) {
      host.put("PidsLimit", pids.asLong());
    }
    if (c.hasNonNull("shm_size")) {
      JsonNode s = c.get("shm_size");
      host.put("ShmSize", s.isNumber() ? s.asLong() : Units.bytes(s.asText()));
    }
    if (c.get("ulimits") instanceof ObjectNode u) {
      ArrayNode a = host.putArray("Ulimits");
      u.properties().forEach(e -> {
        JsonNode v = e.getValue();
        long soft = v.isObject() ? v.path("soft").asLong() : v.asLong();
        long hard = v.isObject() ? v.path("hard").asLong() : v.asLong();
        a.addObject().put("Name", e.getKey()).put("Soft", soft).put("Hard", hard);
      });
    }
  }

  private static void networking(Project p, Service svc, ObjectNode body, ObjectNode host, String modeContainer, int number) {
    ObjectNode c = svc.config();
    if (c.hasNonNull("network_mode")) {
      String mode = c.get("network_mode").asText();
      host.put("NetworkMode", mode.startsWith("service:") ? "container:" + modeContainer : mode);
      return;
    }
    List<String> nets = svc.networks();
    if (nets.isEmpty()) {
      return;
    }
    host.put("NetworkMode", p.networkName(nets.getFirst()));
    ObjectNode endpoints = body.putObject("NetworkingConfig").putObject("EndpointsConfig");
    for (String key : nets) {
      ObjectNode ep = endpoints.putObject(p.networkName(key));
      ArrayNode aliases = ep.putArray("Aliases");
      aliases.add(svc.name());
      JsonNode cfg = c.path("networks").path(key);
      List<String> extra = new ArrayList<>();
      cfg.path("aliases").forEach(a -> extra.add(a.asText()));
      extra.stream().filter(a -> !a.equals(svc.name())).forEach(aliases::add);
      if (cfg.hasNonNull("ipv4_address") || cfg.hasNonNull("ipv6_address")) {
        ObjectNode ipam = ep.putObject("IPAMConfig");
        if (cfg.hasNonNull("ipv4_address")) {
          ipam.put("IPv4Address", cfg.get("ipv4_address").asText());
        }
        if (cfg.hasNonNull("ipv6_address")) {
          ipam.put("IPv6Address", cfg.get("ipv6_address").asText());
        }
      }
    }
  }

  private static void hostFlags(ObjectNode c, ObjectNode host) {
    if (c.has("privileged")) {
      host.put("Privileged", c.get("privileged").asBoolean());
    }
    if (c.has("init")) {
      host.put("Init", c.get("init").asBoolean());
    }
    if (c.has("read_only")) {
      host.put("ReadonlyRootfs", c.get("read_only").asBoolean());
    }
    list(c, "cap_add", host, "CapAdd");
    list(c, "cap_drop", host, "CapDrop");
    list(c, "dns", host, "Dns");
    list(c, "dns_search", host, "DnsSearch");
    list(c, "extra_hosts", host, "ExtraHosts");
    list(c, "security_opt", host, "SecurityOpt");
    list(c, "group_add", host, "GroupAdd");
    if (c.get("sysctls") instanceof ObjectNode s) {
      host.set("Sysctls", s.deepCopy());
    }
    text(host, "PidMode", c, "pid");
    text(host, "IpcMode", c, "ipc");
    if (c.get("logging") instanceof ObjectNode l) {
      ObjectNode lc = host.putObject("LogConfig").put("Type", l.path("driver").asText("json-file"));
      ObjectNode cfg = lc.putObject("Config");
      l.path("options").properties().forEach(e -> cfg.put(e.getKey(), e.getValue().asText()));
    }
  }

  private static void list(ObjectNode c, String field, ObjectNode host, String key) {
    if (c.get(field) instanceof ArrayNode a && !a.isEmpty()) {
      ArrayNode out = host.putArray(key);
      a.forEach(x -> out.add(x.asText()));
    }
  }

  /** Canonical JSON with sorted keys, for the config hash. */
  static void canonical(JsonNode n, StringBuilder sb) {
    if (n instanceof ObjectNode o) {
      sb.append('{');
      List<String> keys = new ArrayList<>();
      o.fieldNames().forEachRemaining(keys::add);
      keys.sort(null);
      for (int i = 0; i < keys.size(); i++) {
        sb.append(i == 0 ? "" : ",").append('"').append(keys.get(i)).append("\":");
        canonical(o.get(keys.get(i)), sb);
      }
      sb.append('}');
    } else if (n instanceof ArrayNode a) {
      sb.append('[');
      for (int i = 0; i < a.size(); i++) {
        sb.append(i == 0 ? "" : ",");
        canonical(a.get(i), sb);
      }
      sb.append(']');
    } else {
      sb.append(n.isTextual() ? '"' + n.textValue().replace("\\", "\\\\").replace("\"", "\\\"") + '"' : n.toString());
    }
  }

  /**
   * The service's config hash: sha256 of its canonical config without what does not change a
   * container (scale, replicas, depends_on, profiles), so {@code up} recreates only what changed.
   */
  public static String configHash(Service svc) {
    ObjectNode c = svc.config().deepCopy();
    c.remove(List.of("scale", "depends_on", "profiles"));
    if (c.get("deploy") instanceof ObjectNode d) {
      d.remove("replicas");
    }
    StringBuilder sb = new StringBuilder();
    canonical(c, sb);
    try {
      byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(h);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Docker compose's container name: {@code container_name}, else {@code <project>-<service>-<n>}. */
  public static String containerName(Project p, Service s, int number) {
    String fixed = s.containerName();
    return fixed != null ? fixed : p.name() + "-" + s.name() + "-" + number;
  }

  static Map<String, String> labelsOf(JsonNode container) {
    Map<String, String> out = new java.util.HashMap<>();
    container.path("Labels").properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
