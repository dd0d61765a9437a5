package berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import berth.testkit.BerthDaemon;
import berth.testkit.BerthTest;
import berth.testkit.HttpReply;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** /_ping, /version, /info, /events and bad input: the daemon answers like Docker and survives. */
@BerthTest
class SystemApiIT {

  @AfterEach
  void daemonStillAlive(BerthDaemon d) {
    assertThat(d.pingOk()).as("berthd still answers /_ping").isTrue();
  }

  @Test
  void pingCarriesDockersHeaders(BerthDaemon d) {
    for (String method : new String[] {"GET", "HEAD"}) {
      HttpReply r = d.api().request(method, "/_ping", Map.of(), null);
      assertThat(r.status()).as(method).isEqualTo(200);
      assertThat(r.header("API-Version")).isEqualTo("1.47");
      assertThat(r.header("OSType")).isEqualTo("linux");
      assertThat(r.header("Docker-Experimental")).isEqualTo("false");
      assertThat(r.header("Server")).isNotBlank();
      if (method.equals("GET")) {
        assertThat(r.text()).isEqualTo("OK");
      }
    }
  }

  @Test
  void versionedAndUnversionedPathsBothWork(BerthDaemon d) {
    for (String prefix : new String[] {"", "/v1.24", "/v1.41", "/v1.47"}) {
      JsonNode v = d.getJson(prefix + "/version");
      assertThat(v.path("ApiVersion").asText()).as(prefix).isEqualTo("1.47");
      assertThat(v.path("MinAPIVersion").asText()).isEqualTo("1.24");
      assertThat(v.path("Os").asText()).isEqualTo("linux");
      assertThat(v.path("Arch").asText()).isEqualTo("amd64");
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void versionShowsTheServer(Cli cli, BerthDaemon d) {
    var r = cli.run(d, "version", "--format", "{{.Server.APIVersion}}").ok();
    assertThat(r.outTrim()).isEqualTo("1.47");
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void infoReportsRealFigures(Cli cli, BerthDaemon d) {
    var r = cli.run(d, "info", "--format", "{{.NCPU}}|{{.CgroupVersion}}|{{.OSType}}|{{.Images}}|{{.MemTotal}}").ok();
    String[] f = r.outTrim().split("\\|");
    assertThat(Integer.parseInt(f[0])).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(f[1]).isIn("1", "2");
    assertThat(f[2]).isEqualTo("linux");
    assertThat(Integer.parseInt(f[3])).isGreaterThanOrEqualTo(1);
    assertThat(Long.parseLong(f[4])).isGreaterThan(1L << 30);
  }

  @Test
  void infoCountsContainersByState(BerthDaemon d) {
    String name = Names.unique("info");
    d.docker("create", "--network", "none", "--name", name, "busybox", "true").ok();
    try {
      JsonNode info = d.getJson("/info");
      assertThat(info.path("Containers").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(info.path("ContainersStopped").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(info.path("Driver").asText()).isNotBlank();
      assertThat(info.path("KernelVersion").asText()).isEqualTo(System.getProperty("os.version"));
      assertThat(info.path("Runtimes").has("runc")).isTrue();
    } finally {
      d.docker("rm", "-f", name);
    }
  }

  @Test
  void eventsStreamContainerLifecycle(BerthDaemon d) {
    String name = Names.unique("ev");
    long since = System.currentTimeMillis() / 1000 - 1;
    d.docker("run", "--rm", "--network", "none", "--name", name, "busybox", "true").ok();
    var actions = d.docker("events", "--since", Long.toString(since),
        "--until", Long.toString(System.currentTimeMillis() / 1000 + 1),
        "--filter", "container=" + name, "--format", "{{.Type}} {{.Action}}").ok().out().lines().toList();
    assertThat(actions).containsSubsequence("container create", "container start", "container die",
        "container destroy");
    d.events().await(Duration.ofSeconds(10), "destroy of " + name,
        e -> e.path("Action").asText().equals("destroy") && e.path("Actor").path("Attributes").path("name").asText().equals(name));
  }

  // Docker 20.10 answered 500 to undecodable bodies; current Docker (and the spec) say 400.
  @Test
  void malformedJsonIs400(BerthDaemon d) {
    HttpReply r = d.api().post("/containers/create", "{\"Image\": \"busybox\", ");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.message()).isNotBlank();
  }

  @Test
  void wrongJsonTypeIs400(BerthDaemon d) {
    // an object where a list of strings belongs (a bare string or number is coerced to a list)
    HttpReply r = d.api().post("/containers/create", "{\"Image\": \"busybox\", \"Cmd\": {\"a\": 1}}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.message()).isNotBlank();
  }

  @Test
  void badNameIs400WithDockersMessage(BerthDaemon d) {
    HttpReply r = d.api().post("/containers/create?name=bad%20name!",
        "{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"HostConfig\":{\"NetworkMode\":\"none\"}}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.message()).isEqualTo("Invalid container name (bad name!), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
  }

  @Test
  void unknownContainerIs404(BerthDaemon d) {
    for (String path : new String[] {"/containers/nope-x/json", "/v1.47/containers/nope-x/logs?stdout=1"}) {
      HttpReply r = d.api().get(path);
      assertThat(r.status()).as(path).isEqualTo(404);
      assertThat(r.message()).isEqualTo("No such container: nope-x");
    }
    HttpReply del = d.api().delete("/containers/nope-x");
    assertThat(del.status()).isEqualTo(404);
    assertThat(del.message()).isEqualTo("No such container: nope-x");
  }

  @Test
  void unknownImageIs404(BerthDaemon d) {
    HttpReply r = d.api().get("/images/nosuchimage:1/json");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.message()).contains("No such image: nosuchimage:1");
  }

  @Test
  void badSignalIs400(BerthDaemon d) {
    String name = Names.unique("sig");
    d.docker("run", "-d", "--network", "none", "--name", name, "busybox", "sleep", "300").ok();
    try {
      HttpReply r = d.api().request("POST", "/containers/" + name + "/kill?signal=NOPE", Map.of(), null);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.message()).containsIgnoringCase("signal").contains("NOPE");
      assertThat(d.docker("inspect", "-f", "{{.State.Running}}", name).ok().outTrim()).isEqualTo("true");
    } finally {
      d.docker("rm", "-f", name);
    }
  }

  @Test
  void badResourceValueIs400(BerthDaemon d) {
    HttpReply r = d.api().post("/containers/create",
        "{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"HostConfig\":{\"NetworkMode\":\"none\",\"Memory\":-5}}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.message()).isNotBlank();
  }

  @Test
  void conflictingNameIs409(BerthDaemon d) {
    String name = Names.unique("dup");
    String body = "{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"HostConfig\":{\"NetworkMode\":\"none\"}}";
    HttpReply first = d.api().post("/containers/create?name=" + name, body);
    assertThat(first.status()).isEqualTo(201);
    String id = first.json().path("Id").asText();
    try {
      HttpReply second = d.api().post("/containers/create?name=" + name, body);
      assertThat(second.status()).isEqualTo(409);
      assertThat(second.message()).isEqualTo("Conflict. The container name \"/" + name
          + "\" is already in use by container \"" + id
          + "\". You have to remove (or rename) that container to be able to reuse that name.");
    } finally {
      d.api().delete("/containers/" + id + "?force=1");
    }
  }

  @Test
  void hugeHeaderIsRefusedWithoutHarm(BerthDaemon d) {
    // Docker (Go's net/http) answers 431 past 1 MiB of header; a server may also just hang up.
    try {
      HttpReply r = d.api().request("GET", "/version", Map.of("X-Huge", "a".repeat(2 << 20)), null,
          Duration.ofSeconds(20));
      assertThat(r.status()).isIn(400, 413, 431);
    } catch (java.io.UncheckedIOException hungUp) {
      // the connection was closed on us: acceptable, as long as the daemon lives (checked after each test)
    }
  }

  @Test
  void unknownEndpointIs404(BerthDaemon d) {
    HttpReply r = d.api().get("/no/such/endpoint");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.text().getBytes(StandardCharsets.UTF_8)).isNotEmpty();
  }

  @Test
  void defaultNetworkModeIsTheBridgeAndAMissingNetworkIs404(BerthDaemon d) {
    HttpReply r = d.api().post("/containers/create", "{\"Image\":\"busybox\",\"Cmd\":[\"sleep\",\"30\"]}");
    assertThat(r.status()).isEqualTo(201);
    String id = r.json().path("Id").asText();
    assertThat(d.api().post("/containers/" + id + "/start", "").status()).isEqualTo(204);
    HttpReply ins = d.api().get("/containers/" + id + "/json");
    assertThat(ins.json().path("NetworkSettings").path("Networks").path("bridge").path("IPAddress").asText())
        .isNotEmpty();
    assertThat(d.api().delete("/containers/" + id + "?force=1").status()).isEqualTo(204);
    HttpReply missing = d.api().post("/containers/create",
        "{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"HostConfig\":{\"NetworkMode\":\"nope\"}}");
    // as Docker: create succeeds, start finds the network missing
    assertThat(missing.status()).isEqualTo(201);
    HttpReply start = d.api().post("/containers/" + missing.json().path("Id").asText() + "/start", "");
    assertThat(start.status()).isEqualTo(404);
    assertThat(start.message()).isEqualTo("network nope not found");
  }
}
