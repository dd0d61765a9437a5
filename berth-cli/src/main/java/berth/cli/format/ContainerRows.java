package berth.cli.format;

import berth.cli.template.Method;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code docker ps} formatting context: one map per container, docker's field names. */
public final class ContainerRows {
  public static final String DEFAULT_TABLE =
      "{{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}\t{{.Names}}";

  private ContainerRows() {}

  public static Map<String, Object> header() {
    Map<String, Object> h = new TreeMap<>();
    h.put("ID", "CONTAINER ID");
    h.put("Image", "IMAGE");
    h.put("Command", "COMMAND");
    h.put("CreatedAt", "CREATED AT");
    h.put("RunningFor", "CREATED");
    h.put("Ports", "PORTS");
    h.put("State", "STATE");
    h.put("Status", "STATUS");
    h.put("Size", "SIZE");
    h.put("Names", "NAMES");
    h.put("Labels", "LABELS");
    h.put("Label", (Method) args -> args.isEmpty() ? "LABEL" : String.valueOf(args.getFirst())); // docker heads the column with the key
    h.put("Platform", "PLATFORM");
    h.put("Mounts", "MOUNTS");
    h.put("Networks", "NETWORKS");
    h.put("LocalVolumes", "LOCAL VOLUMES");
    return h;
  }

  public static Map<String, Object> row(JsonNode c, boolean trunc, long nowMillis) {
    Map<String, Object> r = new TreeMap<>();
    String id = c.path("Id").asText();
    r.put("ID", trunc ? Text.shortId(id) : id);
    r.put("Image", image(c, trunc));
    String cmd = c.path("Command").asText();
    r.put("Command", Text.quote(trunc ? Text.ellipsis(cmd, 20) : cmd));
    long created = c.path("Created").asLong();
    r.put("CreatedAt", Text.goTime(created));
    r.put("RunningFor", Durations.ago(created, nowMillis));
    r.put("Ports", Ports.display(c.path("Ports")));
    r.put("State", c.path("State").asText());
    r.put("Status", c.path("Status").asText());
    r.put("Size", size(c));
    r.put("Names", names(c.path("Names"), trunc));
    Map<String, String> labels = new TreeMap<>();
    c.path("Labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
    List<String> kv = new ArrayList<>();
    labels.forEach((k, v) -> kv.add(k + "=" + v));
    r.put("Labels", String.join(",", kv));
    r.put("Label", (Method) args -> labels.getOrDefault(String.valueOf(args.isEmpty() ? "" : args.getFirst()), ""));
    List<String> mounts = new ArrayList<>();
    int local = 0;
    for (JsonNode m : c.path("Mounts")) {
      String name = m.hasNonNull("Name") && !m.path("Name").asText().isEmpty() ? m.path("Name").asText() : m.path("Source").asText();
      mounts.add(trunc ? Text.ellipsis(name, 15) : name);
      if ("local".equals(m.path("Driver").asText())) {
        local++;
      }
    }
    r.put("Mounts", String.join(",", mounts));
    r.put("LocalVolumes", String.valueOf(local));
    List<String> nets = new ArrayList<>();
    c.path("NetworkSettings").path("Networks").fieldNames().forEachRemaining(nets::add);
    nets.sort(null);
    r.put("Networks", String.join(",", nets));
    r.put("Platform", null); // docker 28 reports the image platform when the daemon knows it
    return r;
  }

  private static String image(JsonNode c, boolean trunc) {
    String image = c.path("Image").asText();
    if (image.isEmpty()) {
      return "<no image>";
    }
    if (!trunc) {
      return image;
    }
    if (image.startsWith("sha256:") || Text.shortId(c.path("ImageID").asText()).equals(Text.shortId(image))) {
      return Text.shortId(image);
    }
    int at = image.indexOf('@');
    return at > 0 ? image.substring(0, at) : image;
  }

  private static String size(JsonNode c) {
    long rw = c.path("SizeRw").asLong();
    long root = c.path("SizeRootFs").asLong();
    String srw = Units.humanSize(rw, 3);
    return root > 0 ? srw + " (virtual " + Units.humanSize(root, 3) + ")" : srw;
  }

  private static String names(JsonNode names, boolean trunc) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : names) {
      String name = n.asText();
      if (name.startsWith("/")) {
        name = name.substring(1);
      }
      if (trunc && name.contains("/")) {
        continue; // a link alias ("/other/alias"), shown only with --no-trunc
      }
      out.add(name);
    }
    return String.join(",", out);
  }
}
