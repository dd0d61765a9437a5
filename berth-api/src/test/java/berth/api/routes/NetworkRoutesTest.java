package berth.api.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.InvalidArgument;
import berth.network.IpamConfig;
import berth.network.Network;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkRoutesTest {
  private final NetworkRoutes routes = new NetworkRoutes(null);
  private final Network app = new Network("a1b2c3" + "0".repeat(58), "app-net", "bridge", "local", "", false, false,
      false, List.of(IpamConfig.of("10.1.0.0/24")), Map.of(), Map.of("tier", "back"));
  private final Network host = new Network("f".repeat(64), "host", "host", "local", "", false, false, false,
      List.of(), Map.of(), Map.of());

  @Test
  void filtersByNameSubstringIdPrefixDriverLabelAndType() {
    assertThat(routes.filter(Map.of("name", List.of("app"))).test(app)).isTrue();
    assertThat(routes.filter(Map.of("name", List.of("web"))).test(app)).isFalse();
    assertThat(routes.filter(Map.of("id", List.of("a1b2"))).test(app)).isTrue();
    assertThat(routes.filter(Map.of("driver", List.of("bridge"))).test(host)).isFalse();
    assertThat(routes.filter(Map.of("label", List.of("tier=back"))).test(app)).isTrue();
    assertThat(routes.filter(Map.of("label", List.of("tier=front"))).test(app)).isFalse();
    assertThat(routes.filter(Map.of("label", List.of("tier"))).test(app)).isTrue();
    assertThat(routes.filter(Map.of("type", List.of("custom"))).test(app)).isTrue();
    assertThat(routes.filter(Map.of("type", List.of("builtin"))).test(host)).isTrue();
    assertThat(routes.filter(Map.of("type", List.of("custom"))).test(host)).isFalse();
  }

  @Test
  void unknownFiltersAndTypesAreRefusedAsDockerDoes() {
    assertThatThrownBy(() -> routes.filter(Map.of("colour", List.of("x")))).isInstanceOf(InvalidArgument.class)
        .hasMessage("invalid filter 'colour'");
    assertThatThrownBy(() -> routes.filter(Map.of("type", List.of("weird")))).isInstanceOf(InvalidArgument.class)
        .hasMessage("invalid filter: 'type'='weird'");
  }
}
