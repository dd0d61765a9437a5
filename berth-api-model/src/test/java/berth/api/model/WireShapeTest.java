package berth.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.Json;
import berth.core.errors.InvalidArgument;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WireShapeTest {
  @Test
  void createBodySplitsIntoItsThreeParts() {
    String body = """
        {"Image":"busybox","Cmd":"echo hi","Env":["A=1"],"Tty":true,"Labels":{"x":"y"},
         "HostConfig":{"NetworkMode":"none","Memory":1048576,"RestartPolicy":{"Name":"always"},
                       "Binds":["/a:/b:ro"],"Init":true},
         "NetworkingConfig":{"EndpointsConfig":{"none":{"Aliases":["n"]}}},"Unknown":1}
        """;
    ContainerCreateRequest r = ContainerCreateRequest.parse(body.getBytes(StandardCharsets.UTF_8));
    assertThat(r.config().image()).isEqualTo("busybox");
    assertThat(r.config().cmd()).containsExactly("echo hi"); // a string Cmd is one element, as Docker's StrSlice
    assertThat(r.config().tty()).isTrue();
    assertThat(r.config().openStdin()).isNull();
    assertThat(r.hostConfig().networkMode()).isEqualTo("none");
    assertThat(r.hostConfig().memory()).isEqualTo(1048576L);
    assertThat(r.hostConfig().restartPolicy().effectiveName()).isEqualTo("always");
    assertThat(r.hostConfig().init()).isTrue();
    assertThat(r.networkingConfig().endpointsConfig().get("none").aliases()).containsExactly("n");
    assertThat(ContainerCreateRequest.parse(new byte[0]).config().image()).isNull();
    assertThatThrownBy(() -> ContainerCreateRequest.parse("{bad".getBytes())).isInstanceOf(InvalidArgument.class);
  }

  @Test
  void recordsUseDockersFieldNamesAndOmitOnlyOmitemptyFields() throws Exception {
    JsonNode wait = Json.MAPPER.valueToTree(new WaitResponse(0L, null));
    assertThat(wait.toString()).isEqualTo("{\"StatusCode\":0}");
    JsonNode state = Json.MAPPER.valueToTree(new ContainerState("running", true, false, false, false, false, 5, 0,
        "", DockerTime.ZERO, DockerTime.ZERO, null));
    assertThat(state.has("OOMKilled")).isTrue();
    assertThat(state.has("Health")).isFalse();
    JsonNode host = Json.MAPPER.valueToTree(HostConfig.builder().networkMode("none").build());
    assertThat(host.has("Binds")).isTrue();
    assertThat(host.get("Binds").isNull()).isTrue();
    assertThat(host.has("UTSMode")).isTrue();
    assertThat(host.has("IOMaximumIOps")).isTrue();
    assertThat(host.has("Init")).isFalse();
    JsonNode event = Json.MAPPER.valueToTree(new Event("start", "abc", "busybox", "container", "start",
        new EventActor("abc", java.util.Map.of("name", "x")), "local", 1L, 1000L));
    assertThat(event.fieldNames()).toIterable().contains("status", "id", "from", "Type", "Action", "Actor", "scope",
        "time", "timeNano");
    JsonNode info = Json.MAPPER.valueToTree(Json.MAPPER.convertValue(java.util.Map.of("NCPU", 2), Info.class));
    assertThat(info.has("NCPU")).isTrue();
    assertThat(info.has("CPUShares")).isTrue();
    assertThat(info.has("NEventsListener")).isTrue();
  }

  @Test
  void builderRoundTripsEveryField() {
    ContainerConfig c = ContainerConfig.builder().image("x").user("u").stopTimeout(5).build();
    assertThat(c.toBuilder().build()).isEqualTo(c);
    HostConfig h = HostConfig.builder().capAdd(List.of("NET_ADMIN")).shmSize(1L).build();
    assertThat(h.toBuilder().build()).isEqualTo(h);
  }

  @ParameterizedTest
  @CsvSource({"0,0,2024-01-02T03:04:05Z", "0,500000000,2024-01-02T03:04:05.5Z", "0,123456789,2024-01-02T03:04:05.123456789Z",
      "0,1000,2024-01-02T03:04:05.000001Z"})
  void timesAreGoRfc3339Nano(long ignored, int nanos, String expected) {
    Instant t = Instant.parse("2024-01-02T03:04:05Z").plusNanos(nanos);
    assertThat(DockerTime.format(t)).isEqualTo(expected);
    assertThat(DockerTime.parse(expected)).isEqualTo(t);
  }

  @Test
  void zeroTimeIsGosZero() {
    assertThat(DockerTime.format(null)).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(DockerTime.formatNanos(0)).isEqualTo("0001-01-01T00:00:00Z");
    assertThat(DockerTime.parse("0001-01-01T00:00:00Z")).isNull();
  }
}
