package berth.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.Json;
import berth.network.AddressPool;
import berth.network.NetworkConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkKeysTest {
  private static Map<String, JsonNode> cfg(String json) throws Exception {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    Json.MAPPER.readTree(json).fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }

  @Test
  void bipBridgeAndPoolsOverrideTheDefaults() throws Exception {
    NetworkKeys k = NetworkKeys.read(cfg("{\"bip\": \"10.99.0.1/24\", \"bridge\": \"br9\", "
        + "\"default-address-pools\": [{\"base\": \"10.98.0.0/16\", \"size\": 26}]}"));
    NetworkConfig c = k.toConfig(Path.of("/tmp/d"), Path.of("/tmp/x"));
    assertThat(c.bip()).isEqualTo("10.99.0.1/24");
    assertThat(c.defaultBridgeName()).isEqualTo("br9");
    assertThat(c.pools()).containsExactly(AddressPool.of("10.98.0.0/16", 26));
    assertThat(c.netnsDir()).isEqualTo(Path.of("/tmp/x/netns"));
  }

  @Test
  void withoutKeysBerthUsesBerth0AndItsPools() throws Exception {
    NetworkConfig c = NetworkKeys.read(cfg("{}")).toConfig(Path.of("/tmp/d"), Path.of("/tmp/x"));
    assertThat(c.defaultBridgeName()).isEqualTo("berth0");
    assertThat(c.pools()).isEqualTo(AddressPool.DEFAULTS);
    assertThat(c.bip()).isNull();
  }

  @Test
  void fixedCidrReachesTheNetworkConfig() throws Exception {
    NetworkConfig c = NetworkKeys.read(cfg("{\"bip\": \"10.99.0.1/24\", \"fixed-cidr\": \"10.99.0.128/25\"}"))
        .toConfig(Path.of("/tmp/d"), Path.of("/tmp/x"));
    assertThat(c.fixedCidr()).isEqualTo("10.99.0.128/25");
    assertThat(NetworkKeys.read(cfg("{}")).toConfig(Path.of("/tmp/d"), Path.of("/tmp/x")).fixedCidr()).isNull();
  }

  @Test
  void aPoolWithoutSizeIsRefused() throws Exception {
    assertThatThrownBy(() -> NetworkKeys.read(cfg("{\"default-address-pools\": [{\"base\": \"10.0.0.0/8\"}]}")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base and size");
  }
}
