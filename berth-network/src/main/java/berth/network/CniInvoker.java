package berth.network;

import berth.core.Json;
import berth.core.errors.Internal;
import berth.core.io.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a CNI plugin chain the way libcni does: ADD in order with each result passed on as
 * {@code prevResult}, DEL in reverse, per-invocation {@code runtimeConfig} for the capabilities a
 * plugin declares. Written by hand because libcni is Go; the protocol is environment variables,
 * JSON on stdin and JSON on stdout.
 *
 * <p>The conflist per network is {@link #conflist}: bridge (or macvlan/ipvlan) with the {@code
 * static} IPAM plugin, so every lease is Berth's own and nothing lands in /var/lib/cni; tuning to
 * set Docker's MAC; portmap for published ports with {@code snat} so 127.0.0.1 and hairpin work.
 */
public final class CniInvoker {
  static final String VERSION = "1.0.0";
  private final Path pluginDir;
  private final Path confDir;

  public CniInvoker(Path pluginDir, Path confDir) {
    this.pluginDir = pluginDir;
    this.confDir = confDir;
  }

  /** Where a runtime invocation of one endpoint gets its address, MAC and ports. */
  public record Attachment(String containerId, Path netns, String ifName, String cidrAddress,
      String gateway, boolean defaultRoute, String mac, List<PortMapping> ports) {}

  /** The network's plugin chain; the address goes into {@code ipam} per invocation. */
  public ObjectNode conflist(Network n) {
    ObjectNode list = Json.MAPPER.createObjectNode();
    list.put("cniVersion", VERSION);
    list.put("name", "berth-" + n.name());
    ArrayNode plugins = list.putArray("plugins");
    ObjectNode main = plugins.addObject();
    switch (n.driver()) {
      case "bridge" -> {
        main.put("type", "bridge");
        main.put("bridge", n.bridgeName());
        main.put("isGateway", true);
        main.put("ipMasq", !n.internal());
        main.put("hairpinMode", true);
      }
      case "macvlan", "ipvlan" -> {
        main.put("type", n.driver());
        main.put("master", n.options().getOrDefault(Network.PARENT_OPTION, "eth0"));
        main.put("mode", n.options().getOrDefault(n.driver() + "_mode", n.driver().equals("macvlan") ? "bridge" : "l2"));
      }
      default -> throw new IllegalArgumentException("driver " + n.driver() + " has no CNI chain");
    }
    main.putObject("ipam").put("type", "static");
    if (!n.driver().equals("ipvlan")) {
      plugins.addObject().put("type", "tuning").putObject("capabilities").put("mac", true);
    }
    ObjectNode pm = plugins.addObject().put("type", "portmap").put("snat", true);
    pm.putObject("capabilities").put("portMappings", true);
    return list;
  }

  /** Writes the conflist beside the store, for operators and for {@code cnitool}. */
  public void writeConflist(Network n) {
    try {
      AtomicFiles.write(confDir.resolve(n.id() + ".conflist"),
          Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(conflist(n)));
    } catch (IOException e) {
      throw new Internal("write conflist of " + n.name() + ": " + e.getMessage(), e);
    }
  }

  public void removeConflist(Network n) {
    try {
      java.nio.file.Files.deleteIfExists(confDir.resolve(n.id() + ".conflist"));
    } catch (IOException e) {
      throw new Internal("remove conflist of " + n.name() + ": " + e.getMessage(), e);
    }
  }

  /** ADD through the chain; on a failing plugin, undoes what the earlier ones did. */
  public CniResult add(Network n, Attachment a) {
    ObjectNode list = chainFor(n, a);
    JsonNode prev = null;
    List<JsonNode> done = new ArrayList<>();
    try {
      for (JsonNode plugin : list.path("plugins")) {
        ObjectNode conf = pluginConf(list, plugin, a, prev);
        done.add(plugin);
        prev = Json.MAPPER.readTree(exec("ADD", conf, a));
      }
    } catch (RuntimeException | IOException e) {
      delPlugins(list, done.reversed(), a, null);
      throw e instanceof RuntimeException re ? re : new Internal("CNI ADD: " + e.getMessage(), e);
    }
    return CniResult.parse(prev.toString());
  }

  /** DEL in reverse order; keeps going past failures so as much as possible is undone. */
  public void del(Network n, Attachment a, String prevResult) {
    ObjectNode list = chainFor(n, a);
    List<JsonNode> plugins = new ArrayList<>();
    list.path("plugins").forEach(plugins::add);
    RuntimeException first = delPlugins(list, plugins.reversed(), a, prevResult);
    if (first != null) {
      throw first;
    }
  }

  /** CHECK through the chain against the stored result. */
  public void check(Network n, Attachment a, String prevResult) {
    ObjectNode list = chainFor(n, a);
    for (JsonNode plugin : list.path("plugins")) {
      exec("CHECK", pluginConf(list, plugin, a, parse(prevResult)), a);
    }
  }

  /**
   * The conflist without portmap when the endpoint publishes nothing: one process and a dozen
   * iptables calls fewer per connect. DEL sees the same endpoint, so ADD and DEL stay symmetric.
   */
  private ObjectNode chainFor(Network n, Attachment a) {
    ObjectNode list = conflist(n);
    if (a.ports().isEmpty()) {
      var plugins = (ArrayNode) list.get("plugins");
      for (int i = plugins.size() - 1; i >= 0; i--) {
        if (plugins.get(i).path("type").asText().equals("portmap")) {
          plugins.remove(i);
        }
      }
    }
    return list;
  }

  private RuntimeException delPlugins(ObjectNode list, List<JsonNode> plugins, Attachment a, String prev) {
    RuntimeException first = null;
    for (JsonNode plugin : plugins) {
      try {
        exec("DEL", pluginConf(list, plugin, a, parse(prev)), a);
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    return first;
  }

  private static JsonNode parse(String json) {
    try {
      return json == null ? null : Json.MAPPER.readTree(json);
    } catch (IOException e) {
      return null;
    }
  }

  private ObjectNode pluginConf(ObjectNode list, JsonNode plugin, Attachment a, JsonNode prev) {
    ObjectNode conf = plugin.deepCopy();
    conf.put("cniVersion", VERSION);
    conf.put("name", list.path("name").asText());
    if (conf.has("ipam")) {
      ObjectNode ipam = (ObjectNode) conf.get("ipam");
      ObjectNode addr = ipam.putArray("addresses").addObject().put("address", a.cidrAddress());
      if (a.gateway() != null) {
        addr.put("gateway", a.gateway());
      }
      if (a.defaultRoute()) {
        ipam.putArray("routes").addObject().put("dst", "0.0.0.0/0");
      }
    }
    ObjectNode rc = Json.MAPPER.createObjectNode();
    JsonNode caps = plugin.path("capabilities");
    if (caps.path("portMappings").asBoolean()) {
      ArrayNode pms = rc.putArray("portMappings");
      for (PortMapping p : a.ports()) {
        ObjectNode m = pms.addObject().put("hostPort", p.hostPort()).put("containerPort", p.containerPort())
            .put("protocol", p.protocol());
        if (!p.hostIp().isEmpty()) {
          m.put("hostIP", p.hostIp());
        }
      }
    }
    if (caps.path("mac").asBoolean() && a.mac() != null) {
      rc.put("mac", a.mac());
    }
    conf.remove("capabilities");
    if (!rc.isEmpty()) {
      conf.set("runtimeConfig", rc);
    }
    if (prev != null) {
      conf.set("prevResult", prev);
    }
    return conf;
  }

  private String exec(String command, ObjectNode conf, Attachment a) {
    String type = conf.path("type").asText();
    Map<String, String> env = new HashMap<>();
    env.put("CNI_COMMAND", command);
    env.put("CNI_CONTAINERID", a.containerId());
    env.put("CNI_NETNS", a.netns().toString());
    env.put("CNI_IFNAME", a.ifName());
    env.put("CNI_PATH", pluginDir.toString());
    Command.Result r = Command.run(List.of(pluginDir.resolve(type).toString()), env,
        conf.toString().getBytes(StandardCharsets.UTF_8));
    if (r.exit() != 0) {
      String msg = r.stdout().isBlank() ? r.stderr().strip() : errorMessage(r.stdout());
      throw new Internal("CNI " + type + " " + command + " for " + a.containerId() + ": " + msg);
    }
    return r.stdout();
  }

  private static String errorMessage(String stdout) {
    JsonNode n = parse(stdout);
    if (n == null) {
      return stdout.strip();
    }
    String details = n.path("details").asText("");
    return n.path("msg").asText(stdout.strip()) + (details.isEmpty() ? "" : ": " + details);
  }
}
