package berth.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.InvalidArgument;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default bridge's IPAM from daemon.json's bip and fixed-cidr. */
class BuiltinsTest {
  private static NetworkConfig config(String bip, String fixed) {
    NetworkConfig d = NetworkConfig.defaults(Path.of("/tmp/d"), Path.of("/tmp/x"));
    return new NetworkConfig(d.stateDir(), d.netnsDir(), d.cniPluginDir(), d.pools(), bip, "br9", List.of(), 53,
        d.ports(), fixed);
  }

  @Test
  void fixedCidrBecomesTheBridgesIpRange() {
    IpamConfig c = Builtins.defaultBridge(config("10.99.0.1/24", "10.99.0.128/25")).ipam().getFirst();
    assertThat(c.subnet()).isEqualTo("10.99.0.0/24");
    assertThat(c.gateway()).isEqualTo("10.99.0.1");
    assertThat(c.ipRange()).isEqualTo("10.99.0.128/25");
    assertThat(Builtins.defaultBridge(config("10.99.0.1/24", null)).ipam().getFirst().ipRange()).isNull();
  }

  @Test
  void withoutBipTheBridgeTakesFixedCidrsNetwork() {
    IpamConfig c = Builtins.defaultBridge(config(null, "10.99.4.0/24")).ipam().getFirst();
    assertThat(c.subnet()).isEqualTo("10.99.4.0/24");
    assertThat(c.ipRange()).isEqualTo("10.99.4.0/24");
    assertThat(Builtins.defaultBridge(config(null, null)).ipam()).isEmpty();
  }

  @Test
  void fixedCidrOutsideBipIsRefused() {
    assertThatThrownBy(() -> Builtins.defaultBridge(config("10.99.0.1/24", "10.98.0.0/25")))
        .isInstanceOf(InvalidArgument.class).hasMessageContaining("not within");
  }
}
