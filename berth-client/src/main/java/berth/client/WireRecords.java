package berth.client;

import berth.api.model.ContainerCreateResponse;
import berth.api.model.IdResponse;
import berth.api.model.PathStat;
import berth.api.model.WaitError;
import berth.api.model.WaitResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Small answers into berth-api-model records, translated by hand from trees: binding them with
 * an {@code ObjectMapper} would cost the CLI its start-up budget (see {@link JsonTrees}).
 */
public final class WireRecords {
  private WireRecords() {}

  public static ContainerCreateResponse createResponse(JsonNode n) {
    List<String> warnings = new ArrayList<>();
    n.path("Warnings").forEach(w -> warnings.add(w.asText()));
    return new ContainerCreateResponse(n.path("Id").asText(), warnings);
  }

  public static IdResponse idResponse(JsonNode n) {
    return new IdResponse(n.path("Id").asText());
  }

  public static WaitResponse waitResponse(JsonNode n) {
    JsonNode err = n.path("Error");
    WaitError error = err.isObject() ? new WaitError(err.path("Message").asText("")) : null;
    return new WaitResponse(n.path("StatusCode").asLong(), error);
  }

  /** Decodes the base64 JSON of {@code X-Docker-Container-Path-Stat}; null when absent or unreadable. */
  public static PathStat pathStat(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      JsonNode n = JsonTrees.parse(Base64.getDecoder().decode(header.strip()));
      return new PathStat(n.path("name").asText(), n.path("size").asLong(), n.path("mode").asLong(),
          n.path("mtime").asText(), n.path("linkTarget").asText(""));
    } catch (RuntimeException e) {
      return null;
    }
  }

}
