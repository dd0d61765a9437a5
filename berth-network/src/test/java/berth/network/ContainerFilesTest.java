package berth.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.InvalidArgument;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerFilesTest {
  private static final String HOST = "# generated\nnameserver 127.0.0.53\nnameserver 192.0.2.53\nsearch corp.example\noptions edns0\n";

  @Test
  void defaultBridgeGetsHostServersWithoutLoopback() {
    ResolvConf c = ResolvConf.parse(HOST).forContainer(null, List.of(), List.of(), List.of());
    assertThat(c.render()).isEqualTo("search corp.example\nnameserver 192.0.2.53\noptions edns0\n");
  }

  @Test
  void onlyLoopbackServersFallBackToPublicOnes() {
    assertThat(ResolvConf.parse("nameserver 127.0.0.53\n").externalNameservers()).containsExactly("8.8.8.8", "8.8.4.4");
  }

  @Test
  void userNetworkUsesTheEmbeddedServerAndFlagsWin() {
    ResolvConf c = ResolvConf.parse(HOST).forContainer("10.88.3.1", List.of("1.1.1.1"), List.of("."), List.of("ndots:2"));
    assertThat(c.render()).isEqualTo("nameserver 10.88.3.1\noptions ndots:2\n");
    ResolvConf e = ResolvConf.parse(HOST).forContainer("10.88.3.1", List.of(), List.of(), List.of());
    assertThat(e.render()).isEqualTo("search corp.example\nnameserver 10.88.3.1\noptions edns0 ndots:0\n");
    ResolvConf d = ResolvConf.parse(HOST).forContainer(null, List.of("1.1.1.1"), List.of("a.example", "b.example"), List.of());
    assertThat(d.render()).isEqualTo("search a.example b.example\nnameserver 1.1.1.1\noptions edns0\n");
  }

  @Test
  void hostsHasDockersLayout() {
    String h = EtcHosts.render("web", "example.org", "10.88.0.5", List.of("db:10.1.1.1", "gw:host-gateway", "v6:[::1]"),
        "10.88.0.1", List.of(new EtcHosts.Link("10.88.0.9", List.of("cache", "redis-1"))));
    assertThat(h).startsWith("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n")
        .endsWith("10.1.1.1\tdb\n10.88.0.1\tgw\n::1\tv6\n10.88.0.9\tcache redis-1\n10.88.0.5\tweb.example.org web\n");
    assertThat(EtcHosts.render("box", null, null, List.of(), null, List.of())).isEqualTo(EtcHosts.DEFAULTS);
  }

  @Test
  void hostsHasALinePerNetworkAndNoHostGatewayWithoutOne() {
    String h = EtcHosts.renderAll("web", null, List.of("10.88.0.5", "10.88.1.7"), List.of("gw:host-gateway"),
        "10.88.0.1", List.of());
    assertThat(h).endsWith("10.88.0.1\tgw\n10.88.0.5\tweb\n10.88.1.7\tweb\n");
    assertThat(EtcHosts.renderAll("web", null, List.of(), List.of("gw:host-gateway", "db:10.1.1.1"), null, List.of()))
        .isEqualTo(EtcHosts.DEFAULTS + "10.1.1.1\tdb\n");
  }

  @Test
  void badExtraHostIsNamed() {
    assertThatThrownBy(() -> EtcHosts.render("x", null, null, List.of("nohost"), null, List.of()))
        .isInstanceOf(InvalidArgument.class).hasMessageContaining("bad format for add-host: \"nohost\"");
    assertThatThrownBy(() -> EtcHosts.render("x", null, null, List.of("a:not-an-ip"), null, List.of()))
        .isInstanceOf(InvalidArgument.class).hasMessage("invalid IP address: not-an-ip");
  }
}
