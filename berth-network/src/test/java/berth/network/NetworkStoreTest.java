package berth.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkStoreTest {
  @Test
  void networksAndLeasesRoundTrip(@TempDir Path dir) {
    NetworkStore s = new NetworkStore(dir);
    Network n = new Network("f".repeat(64), "web", "bridge", "local", "2026-01-01T00:00:00Z", true, false, false,
        List.of(new IpamConfig("10.9.0.0/24", null, "10.9.0.1", Map.of("r", "10.9.0.9"))),
        Map.of(Network.BRIDGE_NAME_OPTION, "brt-x"), Map.of("k", "v"));
    s.put(n);
    Endpoint e = DnsServerTest.endpoint("a".repeat(64), "/c", "h", "10.9.0.2", List.of("x"));
    e = new Endpoint(e.endpointId(), n.id(), e.containerId(), e.containerName(), e.hostname(), e.aliases(),
        e.ifName(), e.ipAddress(), 24, e.gateway(), "02:42:0a:09:00:02", e.netnsPath(),
        List.of(new PortMapping("", 8080, 80, "tcp")), "{\"cniVersion\":\"1.0.0\"}", List.of("192.0.2.53"));
    s.putEndpoint(e);
    NetworkStore again = new NetworkStore(dir);
    assertThat(again.list()).containsExactly(n);
    assertThat(again.get(n.id())).contains(n);
    assertThat(again.endpoints(n.id())).containsExactly(e);
    assertThat(n.bridgeName()).isEqualTo("brt-x");
    again.deleteEndpoint(n.id(), e.containerId());
    assertThat(again.endpoints(n.id())).isEmpty();
    again.delete(n.id());
    assertThat(again.list()).isEmpty();
  }
}
