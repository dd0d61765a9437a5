package berth.compose;

import berth.client.BerthClient;
import berth.client.Query;
import berth.client.Response;
import berth.core.errors.BerthException;
import berth.core.errors.NotFound;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A project's networks, volumes and images: made present before containers, removed after them. */
final class ProjectResources {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final BerthClient c;
  private final Progress progress;

  ProjectResources(BerthClient c, Progress progress) {
    this.c = c;
    this.progress = progress;
  }

  // ---- networks ----

  void ensureNetworks(Project p, Collection<String> keys) {
    for (String key : keys) {
      ObjectNode n = p.networks().getOrDefault(key, NODES.objectNode());
      String name = p.networkName(key);
      if (exists("/networks/" + enc(name))) {
        continue;
      }
      if (n.path("external").asBoolean(false)) {
        throw new ComposeException("network " + name + " declared as external, but could not be found");
      }
      progress.event("Network", name, "Creating", false);
      ObjectNode body = NODES.objectNode().put("Name", name).put("Driver", n.path("driver").asText("bridge"))
          .put("CheckDuplicate", true).put("Internal", n.path("internal").asBoolean(false))
          .put("Attachable", n.path("attachable").asBoolean(false)).put("EnableIPv6", n.path("enable_ipv6").asBoolean(false));
      ObjectNode labels = body.putObject("Labels");
      n.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
      labels.put(Labels.NETWORK, key).put(Labels.PROJECT, p.name()).put(Labels.VERSION, Labels.COMPOSE_VERSION);
      if (n.get("driver_opts") instanceof ObjectNode o) {
        ObjectNode opts = body.putObject("Options");
        o.properties().forEach(e -> opts.put(e.getKey(), e.getValue().asText()));
      }
      if (n.get("ipam") instanceof ObjectNode ipam) {
        ObjectNode out = body.putObject("IPAM").put("Driver", ipam.path("driver").asText("default"));
        ArrayNode cfg = out.putArray("Config");
        for (JsonNode pool : ipam.path("config")) {
          ObjectNode o = cfg.addObject();
          copy(pool, "subnet", o, "Subnet");
          copy(pool, "gateway", o, "Gateway");
          copy(pool, "ip_range", o, "IPRange");
        }
      }
      c.postJson("/networks/create", null, body);
      progress.event("Network", name, "Created", true);
    }
  }

  void removeNetworks(Project p) {
    Set<String> names = new LinkedHashSet<>();
    p.networks().forEach((key, n) -> {
      if (!n.path("external").asBoolean(false)) {
        names.add(p.networkName(key));
      }
    });
    for (JsonNode n : c.getJson("/networks", Query.of().filters(Map.of("label", List.of(Labels.PROJECT + "=" + p.name()))))) {
      names.add(n.path("Name").asText());
    }
    for (String name : names) {
      if (!exists("/networks/" + enc(name))) {
        continue;
      }
      progress.event("Network", name, "Removing", false);
      try {
        c.delete("/networks/" + enc(name), null);
        progress.event("Network", name, "Removed", true);
      } catch (NotFound e) {
        progress.event("Network", name, "Removed", true);
      } catch (BerthException e) {
        progress.event("Network", name, "Error", true);
        throw e;
      }
    }
  }

  // ---- volumes ----

  void ensureVolumes(Project p, Collection<String> keys) {
    for (String key : keys) {
      ObjectNode v = p.volumes().getOrDefault(key, NODES.objectNode());
      String name = p.volumeName(key);
      if (exists("/volumes/" + enc(name))) {
        continue;
      }
      if (v.path("external").asBoolean(false)) {
        throw new ComposeException("external volume \"" + name + "\" not found");
      }
      progress.event("Volume", name, "Creating", false);
      ObjectNode body = NODES.objectNode().put("Name", name).put("Driver", v.path("driver").asText("local"));
      ObjectNode labels = body.putObject("Labels");
      v.path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
      labels.put(Labels.VOLUME, key).put(Labels.PROJECT, p.name()).put(Labels.VERSION, Labels.COMPOSE_VERSION);
      if (v.get("driver_opts") instanceof ObjectNode o) {
        ObjectNode opts = body.putObject("DriverOpts");
        o.properties().forEach(e -> opts.put(e.getKey(), e.getValue().asText()));
      }
      c.postJson("/volumes/create", null, body);
      progress.event("Volume", name, "Created", true);
    }
  }

  void removeVolumes(Project p) {
    Set<String> names = new LinkedHashSet<>();
    p.volumes().forEach((key, v) -> {
      if (!v.path("external").asBoolean(false)) {
        names.add(p.volumeName(key));
      }
    });
    JsonNode listed = c.getJson("/volumes", Query.of().filters(Map.of("label", List.of(Labels.PROJECT + "=" + p.name()))));
    listed.path("Volumes").forEach(v -> names.add(v.path("Name").asText()));
    for (String name : names) {
      if (!exists("/volumes/" + enc(name))) {
        continue;
      }
      progress.event("Volume", name, "Removing", false);
      c.delete("/volumes/" + enc(name), null);
      progress.event("Volume", name, "Removed", true);
    }
  }

  // ---- images ----

  /** Pulls or builds what is missing (or everything, for pull_policy always), before anything is created. */
  void ensureImages(Project p, Collection<Service> services) {
    Set<String> seen = new LinkedHashSet<>();
    for (Service s : services) {
      String image = s.image(p.name());
      if (!seen.add(image)) {
        continue;
      }
      String policy = s.config().path("pull_policy").asText("missing");
      boolean present = exists("/images/" + enc(image) + "/json");
      if (present && !policy.equals("always") && !policy.equals("build")) {
        continue;
      }
      if (s.hasBuild() && (!s.config().has("image") || policy.equals("build") || !present)) {
        ImageBuild.build(c, p, s, progress);
      } else if (policy.equals("never")) {
        throw new ComposeException("Error response from daemon: No such image: " + image);
      } else {
        pull(s.name(), image);
      }
    }
  }

  void pull(String service, String image) {
    progress.event("Image", service, "Pulling", false);
    String[] ref = splitRef(image);
    try (Response r = c.post("/images/create", Query.of().add("fromImage", ref[0]).add("tag", ref[1]), null)) {
      for (Iterator<JsonNode> it = r.jsonStream(); it.hasNext(); ) {
        JsonNode m = it.next();
        if (m.hasNonNull("error")) {
          progress.event("Image", service, "Error", true);
          throw new ComposeException("Error response from daemon: " + m.get("error").asText());
        }
      }
    } catch (BerthException e) {
      progress.event("Image", service, "Error", true);
      throw e;
    }
    progress.event("Image", service, "Pulled", true);
  }

  void removeImages(Project p, String mode) {
    Set<String> images = new LinkedHashSet<>();
    for (Service s : p.services().values()) {
      if (mode.equals("all") || !s.config().has("image")) {
        images.add(s.image(p.name()));
      }
    }
    for (String image : images) {
      if (!exists("/images/" + enc(image) + "/json")) {
        continue;
      }
      progress.event("Image", image, "Removing", false);
      c.deleteJson("/images/" + enc(image), null);
      progress.event("Image", image, "Removed", true);
    }
  }

  /** {@code name[:tag]} or {@code name@digest} into the pull endpoint's fromImage and tag. */
  static String[] splitRef(String image) {
    int at = image.indexOf('@');
    if (at >= 0) {
      return new String[] {image.substring(0, at), image.substring(at + 1)};
    }
    int colon = image.lastIndexOf(':');
    if (colon > image.lastIndexOf('/')) {
      return new String[] {image.substring(0, colon), image.substring(colon + 1)};
    }
    return new String[] {image, "latest"};
  }

  boolean exists(String path) {
    try {
      c.get(path, null).close();
      return true;
    } catch (NotFound e) {
      return false;
    }
  }

  private static void copy(JsonNode from, String field, ObjectNode to, String key) {
    if (from.hasNonNull(field)) {
      to.put(key, from.get(field).asText());
    }
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }
}
