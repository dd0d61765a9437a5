package berth.api.model;

import berth.core.Json;
import berth.core.errors.InvalidArgument;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * The POST /containers/create body split into its three parts. Docker's body is the container
 * config at the top level with HostConfig and NetworkingConfig beside its fields, so it is read
 * twice: once as {@link ContainerConfig}, once for the two nested objects.
 */
public record ContainerCreateRequest(ContainerConfig config, HostConfig hostConfig, NetworkingConfig networkingConfig) {

  /** Parses a create body; an empty body is an empty config. Malformed JSON is a 400. */
  public static ContainerCreateRequest parse(byte[] body) {
    if (body == null || body.length == 0) {
      return new ContainerCreateRequest(ContainerConfig.builder().build(), null, null);
    }
    try {
      JsonNode tree = Json.MAPPER.readTree(body);
      if (tree == null || tree.isNull() || tree.isMissingNode()) {
        return new ContainerCreateRequest(ContainerConfig.builder().build(), null, null);
      }
      ContainerConfig config = Json.MAPPER.treeToValue(tree, ContainerConfig.class);
      Nested nested = Json.MAPPER.treeToValue(tree, Nested.class);
      return new ContainerCreateRequest(config, nested.hostConfig(), nested.networkingConfig());
    } catch (IOException e) {
      throw new InvalidArgument("invalid JSON: " + e.getMessage(), e);
    }
  }

  /** Builds the wire body (used by clients). */
  public JsonNode toJson() {
    com.fasterxml.jackson.databind.node.ObjectNode node = Json.MAPPER.valueToTree(config);
    if (hostConfig != null) {
      node.set("HostConfig", Json.MAPPER.valueToTree(hostConfig));
    }
    if (networkingConfig != null) {
      node.set("NetworkingConfig", Json.MAPPER.valueToTree(networkingConfig));
    }
    return node;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Nested(
      @JsonProperty("HostConfig") HostConfig hostConfig,
      @JsonProperty("NetworkingConfig") NetworkingConfig networkingConfig) {}
}
