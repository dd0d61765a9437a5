package berth.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.Internal;
import berth.core.errors.InvalidArgument;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortSpecTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "80|''|0|80|tcp",
      "8080:80|''|8080|80|tcp",
      "127.0.0.1:8080:80/udp|127.0.0.1|8080|80|udp",
      "127.0.0.1::80|127.0.0.1|0|80|tcp",
      "[::1]:8080:80|0:0:0:0:0:0:0:1|8080|80|tcp",
      "::1:8080:80|0:0:0:0:0:0:0:1|8080|80|tcp",
      "8080:80/TCP|''|8080|80|tcp",
      "53:53/sctp|''|53|53|sctp"})
  void parsesOne(String raw, String ip, int host, int container, String proto) {
    assertThat(PortSpec.parse(raw)).containsExactly(new PortSpec.Spec(ip, host, host, container, proto));
  }

  @Test
  void rangesPairUp() {
    assertThat(PortSpec.parse("8000-8002:80-82").stream().map(PortSpec.Spec::mapping).toList()).containsExactly(
        new PortMapping("", 8000, 80, "tcp"), new PortMapping("", 8001, 81, "tcp"), new PortMapping("", 8002, 82, "tcp"));
    assertThat(PortSpec.parse("80-81")).extracting(PortSpec.Spec::containerPort).containsExactly(80, 81);
    assertThat(PortSpec.parse("9000-9010:80")).containsExactly(new PortSpec.Spec("", 9000, 9010, 80, "tcp"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "8080:|no port specified: 8080:<empty>",
      "abc|invalid containerPort: abc",
      "70000|invalid containerPort: 70000",
      "x:80|invalid hostPort: x",
      "8000-8001:80-82|invalid ranges specified for container and host Ports: 80-82 and 8000-8001",
      "80/icmp|invalid proto: icmp",
      "1.2.3:80:80|invalid IP address: 1.2.3",
      "999.1.1.1:80:80|invalid IP address: 999.1.1.1",
      "90-80|invalid containerPort: 90-80"})
  void badSpecsAreNamed(String raw, String message) {
    assertThatThrownBy(() -> PortSpec.parse(raw)).isInstanceOf(InvalidArgument.class).hasMessage(message);
  }

  /** Fuzz: random strings either parse to valid ports or fail with InvalidArgument, never anything else. */
  @Test
  void fuzzNeverThrowsAnythingElse() {
    Random rnd = new Random(3);
    String alphabet = "0123456789:-/.[]atcpud ";
    for (int i = 0; i < 20000; i++) {
      StringBuilder b = new StringBuilder();
      int len = rnd.nextInt(16);
      for (int j = 0; j < len; j++) {
        b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      try {
        for (PortSpec.Spec s : PortSpec.parse(b.toString())) {
          assertThat(s.containerPort()).isBetween(0, 65535);
          assertThat(s.hostPort()).isBetween(0, 65535);
          assertThat(s.protocol()).isIn("tcp", "udp", "sctp");
        }
      } catch (InvalidArgument expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }

  @Test
  void allocatorRefusesTakenPortsAndPicksFreeOnes() {
    PortAllocator a = new PortAllocator(40000, 40002, m -> m.hostPort() != 40001);
    List<PortMapping> taken = List.of(new PortMapping("", 8080, 80, "tcp"));
    assertThatThrownBy(() -> a.allocate(PortSpec.parse("8080:80"), taken)).isInstanceOf(Internal.class)
        .hasMessage("Bind for 0.0.0.0:8080 failed: port is already allocated");
    assertThatThrownBy(() -> a.allocate(PortSpec.parse("127.0.0.1:8080:81"), taken))
        .hasMessage("Bind for 127.0.0.1:8080 failed: port is already allocated");
    assertThat(a.allocate(PortSpec.parse("8080:80/udp"), taken)).extracting(PortMapping::hostPort).containsExactly(8080);
    List<PortMapping> got = a.allocate(PortSpec.parse("80-81"), taken);
    assertThat(got).extracting(PortMapping::hostPort).containsExactly(40000, 40002);
    assertThatThrownBy(() -> a.allocate(PortSpec.parse("80-82"), taken)).hasMessageContaining("no free host port");
  }
}
