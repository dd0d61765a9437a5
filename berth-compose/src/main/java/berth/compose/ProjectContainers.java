package berth.compose;

import berth.client.BerthClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** A project's containers as the daemon lists them, found by compose's labels. */
public final class ProjectContainers {
  private ProjectContainers() {}

  /**
   * @param oneoff null for both kinds, else only {@code run} containers (true) or service ones (false)
   */
  public static List<JsonNode> list(BerthClient c, String project, boolean all, Boolean oneoff) {
    List<String> labels = new ArrayList<>(List.of(Labels.PROJECT + "=" + project));
    if (oneoff != null) {
      labels.add(Labels.ONEOFF + "=" + (oneoff ? "True" : "False"));
    }
    List<JsonNode> out = new ArrayList<>();
    c.containers().list(all, 0, false, Map.of("label", labels)).forEach(out::add);
    out.sort(Comparator.comparing((JsonNode n) -> service(n)).thenComparingInt(ProjectContainers::number));
    return out;
  }

  public static String service(JsonNode container) {
    return container.path("Labels").path(Labels.SERVICE).asText("");
  }

  public static int number(JsonNode container) {
    try {
      return Integer.parseInt(container.path("Labels").path(Labels.NUMBER).asText("0"));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  public static String hash(JsonNode container) {
    return container.path("Labels").path(Labels.CONFIG_HASH).asText("");
  }

  public static boolean oneoff(JsonNode container) {
    return "True".equalsIgnoreCase(container.path("Labels").path(Labels.ONEOFF).asText());
  }

  /** The name without the leading slash. */
  public static String name(JsonNode container) {
    String n = container.path("Names").path(0).asText(container.path("Name").asText(""));
    return n.startsWith("/") ? n.substring(1) : n;
  }

  public static String id(JsonNode container) {
    return container.path("Id").asText();
  }

  public static String state(JsonNode container) {
    JsonNode s = container.path("State");
    return s.isObject() ? s.path("Status").asText() : s.asText();
  }
}
