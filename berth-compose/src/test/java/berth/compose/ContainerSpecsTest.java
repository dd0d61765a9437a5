package berth.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.compose.load.LoadOptions;
import berth.compose.load.ProjectLoader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerSpecsTest {
  @TempDir
  Path tmp;

  private Project load(String yaml) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("demo"));
    Files.writeString(dir.resolve("compose.yaml"), yaml);
    return ProjectLoader.load(LoadOptions.in(dir));
  }

  @Test
  void translatesAServiceIntoACreateBody() throws IOException {
    Project p = load("""
        services:
          web:
            image: busybox
            command: sh -c 'echo "a b"'
            entrypoint: ["/bin/x"]
            environment: {A: "1"}
            ports: ["127.0.0.1:8080:80", "9000-9001:7000-7001/udp", "443"]
            expose: ["3000"]
            volumes: ["data:/data:ro", "./site:/site", {type: tmpfs, target: /cache, tmpfs: {size: 1m}}, "/anon"]
            networks:
              front: {aliases: [www], ipv4_address: 10.5.0.5}
              back:
            healthcheck: {test: "wget -q localhost", interval: 1m30s, timeout: 500ms, retries: 3}
            restart: on-failure:2
            deploy: {resources: {limits: {cpus: "0.5", memory: 64m, pids: 100}}}
            hostname: h
            user: "1000"
            working_dir: /w
            labels: [team=a]
            extra_hosts: {db: 10.0.0.1}
            init: true
            privileged: false
            cap_add: [NET_ADMIN]
            cap_drop: [ALL]
            stop_signal: SIGINT
            stop_grace_period: 1m
            tty: true
            stdin_open: true
        networks:
          front:
          back:
        volumes:
          data:
        """);
    Service web = p.service("web");
    ObjectNode b = ContainerSpecs.build(p, web, 2, ContainerSpecs.configHash(web), false, null);
    assertThat(b.get("Image").asText()).isEqualTo("busybox");
    assertThat(b.get("Cmd").toString()).isEqualTo("[\"sh\",\"-c\",\"echo \\\"a b\\\"\"]");
    assertThat(b.get("Entrypoint").toString()).isEqualTo("[\"/bin/x\"]");
    assertThat(b.get("Env").toString()).isEqualTo("[\"A=1\"]");
    assertThat(b.get("Labels").get("team").asText()).isEqualTo("a");
    assertThat(b.get("Labels").get(Labels.NUMBER).asText()).isEqualTo("2");
    assertThat(b.get("Labels").get(Labels.PROJECT).asText()).isEqualTo("demo");
    assertThat(b.get("ExposedPorts").properties()).extracting(java.util.Map.Entry::getKey)
        .containsExactlyInAnyOrder("3000/tcp", "80/tcp", "7000/udp", "7001/udp", "443/tcp");
    var h = b.get("HostConfig");
    assertThat(h.get("PortBindings").get("80/tcp").toString()).isEqualTo("[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"8080\"}]");
    assertThat(h.get("PortBindings").get("7001/udp").get(0).get("HostPort").asText()).isEqualTo("9001");
    assertThat(h.get("PortBindings").get("443/tcp").get(0).get("HostPort").asText()).isEmpty();
    assertThat(h.get("Binds").toString()).isEqualTo("[\"" + tmp.resolve("demo/site") + ":/site\"]");
    assertThat(h.get("Mounts").toString()).contains("{\"Type\":\"volume\",\"Target\":\"/data\",\"ReadOnly\":true,\"Source\":\"demo_data\"}",
        "{\"Type\":\"tmpfs\",\"Target\":\"/cache\",\"TmpfsOptions\":{\"SizeBytes\":1048576}}",
        "{\"Type\":\"volume\",\"Target\":\"/anon\",\"ReadOnly\":false}");
    assertThat(b.get("Healthcheck").toString()).isEqualTo(
        "{\"Test\":[\"CMD-SHELL\",\"wget -q localhost\"],\"Interval\":90000000000,\"Timeout\":500000000,\"Retries\":3}");
    assertThat(h.get("RestartPolicy").toString()).isEqualTo("{\"Name\":\"on-failure\",\"MaximumRetryCount\":2}");
    assertThat(h.get("NanoCpus").asLong()).isEqualTo(500_000_000L);
    assertThat(h.get("Memory").asLong()).isEqualTo(64L << 20);
    assertThat(h.get("PidsLimit").asLong()).isEqualTo(100);
    assertThat(h.get("NetworkMode").asText()).isEqualTo("demo_front");
    var eps = b.get("NetworkingConfig").get("EndpointsConfig");
    assertThat(eps.get("demo_front").toString())
        .isEqualTo("{\"Aliases\":[\"web\",\"www\"],\"IPAMConfig\":{\"IPv4Address\":\"10.5.0.5\"}}");
    assertThat(eps.get("demo_back").get("Aliases").toString()).isEqualTo("[\"web\"]");
    assertThat(h.get("ExtraHosts").toString()).isEqualTo("[\"db:10.0.0.1\"]");
    assertThat(h.get("Init").asBoolean()).isTrue();
    assertThat(h.get("CapAdd").toString()).isEqualTo("[\"NET_ADMIN\"]");
    assertThat(h.get("CapDrop").toString()).isEqualTo("[\"ALL\"]");
    assertThat(b.get("StopSignal").asText()).isEqualTo("SIGINT");
    assertThat(b.get("StopTimeout").asInt()).isEqualTo(60);
    assertThat(b.get("Tty").asBoolean()).isTrue();
    assertThat(b.get("OpenStdin").asBoolean()).isTrue();
    assertThat(b.get("Hostname").asText()).isEqualTo("h");
    assertThat(b.get("User").asText()).isEqualTo("1000");
    assertThat(b.get("WorkingDir").asText()).isEqualTo("/w");
  }

  @Test
  void configHashIgnoresScaleButNotConfig() throws IOException {
    Project one = load("services:\n  w: {image: busybox, scale: 1, environment: [A=1]}\n");
    Project three = load("services:\n  w: {image: busybox, scale: 3, environment: [A=1]}\n");
    Project changed = load("services:\n  w: {image: busybox, scale: 1, environment: [A=2]}\n");
    String h1 = ContainerSpecs.configHash(one.service("w"));
    assertThat(ContainerSpecs.configHash(three.service("w"))).isEqualTo(h1);
    assertThat(ContainerSpecs.configHash(changed.service("w"))).isNotEqualTo(h1);
  }

  @Test
  void networkModeAndNames() throws IOException {
    Project p = load("""
        services:
          a: {image: busybox, network_mode: host, container_name: fixed}
          b: {image: busybox, network_mode: "service:a"}
        """);
    assertThat(ContainerSpecs.build(p, p.service("a"), 1, "h", false, null).get("HostConfig").get("NetworkMode").asText()).isEqualTo("host");
    assertThat(ContainerSpecs.build(p, p.service("b"), 1, "h", false, "abc").get("HostConfig").get("NetworkMode").asText())
        .isEqualTo("container:abc");
    assertThat(ContainerSpecs.containerName(p, p.service("a"), 1)).isEqualTo("fixed");
    assertThat(ContainerSpecs.containerName(p, p.service("b"), 3)).isEqualTo("demo-b-3");
    assertThat(p.networks()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"1m30s,90000000000", "500ms,500000000", "10,10000000000", "1h,3600000000000", "1.5s,1500000000"})
  void durations(String in, long nanos) {
    assertThat(Units.durationNanos(in)).isEqualTo(nanos);
  }

  @ParameterizedTest
  @CsvSource({"512m,536870912", "1g,1073741824", "1gb,1073741824", "100k,102400", "2048,2048"})
  void sizes(String in, long bytes) {
    assertThat(Units.bytes(in)).isEqualTo(bytes);
  }

  @Test
  void badValuesAreRefused() {
    assertThatThrownBy(() -> Units.durationNanos("10x")).hasMessageContaining("10x");
    assertThatThrownBy(() -> PortSpec.parse(com.fasterxml.jackson.databind.node.TextNode.valueOf("80:abc")))
        .hasMessageContaining("80:abc");
    assertThatThrownBy(() -> ShellWords.split("echo 'open")).hasMessageContaining("unterminated");
  }
}
