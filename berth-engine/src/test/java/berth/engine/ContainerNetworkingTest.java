package berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.api.model.ContainerConfig;
import berth.api.model.EndpointSettings;
import berth.api.model.HostConfig;
import berth.api.model.NetworkingConfig;
import berth.api.model.PortBinding;
import berth.core.errors.InvalidArgument;
import berth.network.PortMapping;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContainerNetworkingTest {
  private static EndpointSettings es(List<String> aliases) {
    return new EndpointSettings(null, null, "", aliases, null, "", "", "", "", 0, "", "", 0, null);
  }

  @Test
  void networksAreTheModeThenTheEndpointsWithTheCliDefaultNamedBridge() {
    Map<String, EndpointSettings> eps = new LinkedHashMap<>();
    eps.put("default", es(null));
    eps.put("back", es(List.of("db")));
    NetworkingConfig nc = new NetworkingConfig(eps);
    assertThat(ContainerNetworking.networksOf(HostConfig.builder().networkMode("default").build(), nc))
        .containsExactly("bridge", "back");
    assertThat(ContainerNetworking.networksOf(HostConfig.empty(), null)).containsExactly("bridge");
    assertThat(ContainerNetworking.settingsFor(nc, "bridge")).isSameAs(eps.get("default"));
    assertThat(ContainerNetworking.settingsFor(nc, "back").aliases()).containsExactly("db");
  }

  @Test
  void portBindingsBecomeMappingsWithZeroForAnyHostPort() {
    HostConfig h = HostConfig.builder().portBindings(Map.of(
        "80/tcp", List.of(new PortBinding("127.0.0.1", "8080")),
        "53/udp", List.of(new PortBinding("", "")))).build();
    assertThat(ContainerNetworking.portMappings(h)).containsExactlyInAnyOrder(
        new PortMapping("127.0.0.1", 8080, 80, "tcp"), new PortMapping("", 0, 53, "udp"));
    HostConfig bad = HostConfig.builder().portBindings(Map.of("http/tcp", List.of())).build();
    assertThatThrownBy(() -> ContainerNetworking.portMappings(bad)).isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("invalid port specification");
  }

  @Test
  void publishAllAddsEveryExposedPortNotBoundExplicitly() {
    ContainerConfig cfg = ContainerConfig.builder().exposedPorts(Map.of("80/tcp", Map.of(), "443/tcp", Map.of()))
        .build();
    HostConfig h = HostConfig.builder().publishAllPorts(true).build();
    List<PortMapping> explicit = List.of(new PortMapping("", 8080, 80, "tcp"));
    assertThat(ContainerNetworking.publishAll(cfg, h, explicit)).containsExactlyInAnyOrder(
        new PortMapping("", 8080, 80, "tcp"), new PortMapping("", 0, 443, "tcp"));
    assertThat(ContainerNetworking.publishAll(cfg, HostConfig.empty(), explicit)).containsExactly(explicit.getFirst());
  }
}
