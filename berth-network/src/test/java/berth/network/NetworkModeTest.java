package berth.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.InvalidArgument;
import org.junit.jupiter.api.Test;

class NetworkModeTest {
  @Test
  void parsesDockersModes() {
    assertThat(NetworkMode.parse("")).isEqualTo(new NetworkMode.Attached("bridge"));
    assertThat(NetworkMode.parse("default")).isEqualTo(new NetworkMode.Attached("bridge"));
    assertThat(NetworkMode.parse("host")).isEqualTo(new NetworkMode.Host());
    assertThat(NetworkMode.parse("none")).isEqualTo(new NetworkMode.None());
    assertThat(NetworkMode.parse("container:web")).isEqualTo(new NetworkMode.Container("web"));
    assertThat(NetworkMode.parse("mynet")).isEqualTo(new NetworkMode.Attached("mynet"));
    assertThat(NetworkMode.parse("none").ownNamespace()).isTrue();
    assertThat(NetworkMode.parse("host").ownNamespace()).isFalse();
    assertThatThrownBy(() -> NetworkMode.parse("container:")).isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("container:<name|id>");
  }
}
