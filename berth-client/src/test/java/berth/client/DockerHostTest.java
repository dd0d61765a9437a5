package berth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.InvalidArgument;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerHostTest {
  @Test
  void berthHostWinsOverDockerHost() {
    DockerHost h = DockerHost.resolve(null, Map.of("BERTH_HOST", "unix:///a.sock", "DOCKER_HOST", "unix:///b.sock"));
    assertThat(h.socket()).isEqualTo(Path.of("/a.sock"));
  }

  @Test
  void dockerHostThenDefault() {
    assertThat(DockerHost.resolve(null, Map.of("DOCKER_HOST", "unix:///b.sock")).socket()).isEqualTo(Path.of("/b.sock"));
    assertThat(DockerHost.resolve(null, Map.of()).uri()).isEqualTo("unix:///run/berth/berth.sock");
    assertThat(DockerHost.resolve("unix:///c.sock", Map.of("BERTH_HOST", "unix:///a.sock")).socket())
        .isEqualTo(Path.of("/c.sock"));
  }

  @Test
  void tcpIsAClearError() {
    assertThatThrownBy(() -> DockerHost.resolve(null, Map.of("DOCKER_HOST", "tcp://1.2.3.4:2375")))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("tcp://1.2.3.4:2375").hasMessageContaining("unix://");
  }
}
