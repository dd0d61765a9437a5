package berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import berth.testkit.BerthDaemon;
import berth.testkit.BerthTest;
import berth.testkit.Hijacked;
import berth.testkit.HttpReply;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The container endpoints at the HTTP level: wait conditions, stream framing, hijack, filters, stats. */
@BerthTest
class ContainerApiIT {
  private final List<String> created = new ArrayList<>();

  private String create(BerthDaemon d, String name, String extraJson) {
    String body = "{\"Image\":\"busybox\",\"HostConfig\":{\"NetworkMode\":\"none\"}" + extraJson + "}";
    HttpReply r = d.api().post("/containers/create" + (name == null ? "" : "?name=" + name), body);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    String id = r.json().path("Id").asText();
    created.add(id);
    return id;
  }

  private static void start(BerthDaemon d, String id) {
    HttpReply r = d.api().post("/containers/" + id + "/start", null);
    assertThat(r.status()).as(r.toString()).isEqualTo(204);
  }

  @AfterEach
  void removeCreated(BerthDaemon d) {
    created.forEach(id -> d.api().delete("/containers/" + id + "?force=1"));
    created.clear();
  }

  @Test
  void waitConditions(BerthDaemon d) throws Exception {
    String id = create(d, null, ",\"Cmd\":[\"sh\",\"-c\",\"sleep 1; exit 3\"]");
    var nextExit = CompletableFuture.supplyAsync(() -> d.api().post("/containers/" + id + "/wait?condition=next-exit", null));
    Thread.sleep(300);
    start(d, id);
    HttpReply r = nextExit.get(30, TimeUnit.SECONDS);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("StatusCode").asInt()).isEqualTo(3);
    assertThat(d.api().post("/containers/" + id + "/wait", null).json().path("StatusCode").asInt()).isEqualTo(3);

    var removed = CompletableFuture.supplyAsync(() -> d.api().post("/containers/" + id + "/wait?condition=removed", null));
    Thread.sleep(300);
    assertThat(d.api().delete("/containers/" + id).status()).isEqualTo(204);
    assertThat(removed.get(30, TimeUnit.SECONDS).json().path("StatusCode").asInt()).isEqualTo(3);
  }

  @Test
  void logsAreMultiplexedWithoutTty(BerthDaemon d) {
    String id = create(d, null, ",\"Cmd\":[\"sh\",\"-c\",\"echo out; echo err >&2\"]");
    start(d, id);
    d.api().post("/containers/" + id + "/wait", null);
    HttpReply r = d.api().get("/containers/" + id + "/logs?stdout=1&stderr=1");
    assertThat(r.status()).isEqualTo(200);
    assertThat(Hijacked.frames(r.body())).containsExactly(new Hijacked.Frame(1, "out\n"), new Hijacked.Frame(2, "err\n"));
    HttpReply onlyErr = d.api().get("/containers/" + id + "/logs?stderr=1");
    assertThat(Hijacked.frames(onlyErr.body())).containsExactly(new Hijacked.Frame(2, "err\n"));
  }

  @Test
  void logsOfATtyContainerAreRaw(BerthDaemon d) {
    String id = create(d, null, ",\"Tty\":true,\"Cmd\":[\"echo\",\"raw\"]");
    start(d, id);
    d.api().post("/containers/" + id + "/wait", null);
    assertThat(d.api().get("/containers/" + id + "/logs?stdout=1").text()).isEqualTo("raw\r\n");
  }

  @Test
  void attachHijacksTheConnection(BerthDaemon d) {
    String id = create(d, null, ",\"OpenStdin\":true,\"StdinOnce\":true,\"AttachStdin\":true,\"Cmd\":[\"cat\"]");
    try (Hijacked h = Hijacked.open(d.socket(), "/containers/" + id + "/attach?stream=1&stdin=1&stdout=1&stderr=1", null)) {
      assertThat(h.status()).as(h.headerLines().toString()).isEqualTo(101);
      assertThat(String.join("\n", h.headerLines())).containsIgnoringCase("Upgrade: tcp");
      start(d, id);
      h.write("through the hijack\n");
      h.closeWrite();
      byte[] out = h.readAll(Duration.ofSeconds(20));
      assertThat(Hijacked.frames(out)).containsExactly(new Hijacked.Frame(1, "through the hijack\n"));
    }
    assertThat(d.api().post("/containers/" + id + "/wait", null).json().path("StatusCode").asInt()).isZero();
  }

  @Test
  void execThroughTheApi(BerthDaemon d) {
    String id = create(d, null, ",\"Cmd\":[\"sleep\",\"300\"]");
    start(d, id);
    HttpReply ex = d.api().post("/containers/" + id + "/exec",
        "{\"Cmd\":[\"sh\",\"-c\",\"echo $X; exit 2\"],\"Env\":[\"X=from-exec\"],\"AttachStdout\":true,\"AttachStderr\":true}");
    assertThat(ex.status()).as(ex.toString()).isEqualTo(201);
    String execId = ex.json().path("Id").asText();
    try (Hijacked h = Hijacked.open(d.socket(), "/exec/" + execId + "/start", "{\"Detach\":false,\"Tty\":false}")) {
      assertThat(h.status()).isIn(101, 200);
      assertThat(Hijacked.frames(h.readAll(Duration.ofSeconds(20)))).containsExactly(new Hijacked.Frame(1, "from-exec\n"));
    }
    BerthDaemon.eventually(Duration.ofSeconds(10), "exec exit recorded",
        () -> d.api().get("/exec/" + execId + "/json").json().path("Running").asBoolean() == false);
    JsonNode inspect = d.getJson("/exec/" + execId + "/json");
    assertThat(inspect.path("ExitCode").asInt()).isEqualTo(2);
    assertThat(inspect.path("ContainerID").asText()).isEqualTo(id);
    HttpReply unknown = d.api().get("/exec/nope/json");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.message()).contains("No such exec instance: nope");
  }

  @Test
  void listFiltersLimitAndSize(BerthDaemon d) {
    String a = create(d, Names.unique("fa"), ",\"Cmd\":[\"true\"],\"Labels\":{\"tier\":\"front\"}");
    String b = create(d, Names.unique("fb"), ",\"Cmd\":[\"true\"],\"Labels\":{\"tier\":\"back\"}");
    String c = create(d, Names.unique("fc"), ",\"Cmd\":[\"sh\",\"-c\",\"echo data > /written; exit 4\"]");
    start(d, c);
    d.api().post("/containers/" + c + "/wait", null);

    assertThat(ids(d, "{\"label\":[\"tier=front\"]}")).containsExactly(a);
    assertThat(ids(d, "{\"label\":[\"tier\"]}")).containsExactlyInAnyOrder(a, b);
    assertThat(ids(d, "{\"status\":[\"created\"]}")).contains(a, b).doesNotContain(c);
    assertThat(ids(d, "{\"exited\":[\"4\"]}")).containsExactly(c);
    assertThat(ids(d, "{\"ancestor\":[\"busybox\"]}")).contains(a, b, c);
    assertThat(ids(d, "{\"since\":[\"" + a + "\"]}")).contains(b, c).doesNotContain(a);
    assertThat(ids(d, "{\"before\":[\"" + c + "\"]}")).contains(a, b).doesNotContain(c);

    JsonNode limited = d.getJson("/containers/json?all=1&limit=1");
    assertThat(limited.size()).isEqualTo(1);
    assertThat(limited.get(0).path("Id").asText()).isEqualTo(c);  // newest first
    JsonNode sized = d.getJson("/containers/json?all=1&size=1&limit=1");
    assertThat(sized.get(0).path("SizeRw").asLong()).isPositive();

    HttpReply bad = d.api().get("/containers/json?filters=" + enc("{\"nosuchfilter\":[\"x\"]}"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.message()).contains("nosuchfilter");
  }

  private static List<String> ids(BerthDaemon d, String filters) {
    List<String> ids = new ArrayList<>();
    d.getJson("/containers/json?all=1&filters=" + enc(filters)).forEach(c -> ids.add(c.path("Id").asText()));
    return ids;
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void topStatsArchiveAndResize(BerthDaemon d) {
    String id = create(d, null, ",\"Tty\":true,\"Cmd\":[\"sleep\",\"300\"]");
    start(d, id);
    JsonNode top = d.getJson("/containers/" + id + "/top?ps_args=aux");
    assertThat(top.path("Titles").toString()).contains("USER", "PID", "%CPU", "COMMAND");
    assertThat(top.path("Processes").toString()).contains("sleep 300");

    JsonNode stats = d.getJson("/containers/" + id + "/stats?stream=false");
    assertThat(stats.path("memory_stats").path("usage").asLong()).isPositive();
    assertThat(stats.path("pids_stats").path("current").asInt()).isEqualTo(1);
    assertThat(stats.path("cpu_stats").path("cpu_usage").path("total_usage").asLong()).isPositive();
    assertThat(stats.path("name").asText()).startsWith("/");

    HttpReply head = d.api().request("HEAD", "/containers/" + id + "/archive?path=/etc/passwd", Map.of(), null);
    assertThat(head.status()).isEqualTo(200);
    String stat = new String(Base64.getDecoder().decode(head.header("X-Docker-Container-Path-Stat")), StandardCharsets.UTF_8);
    assertThat(BerthDaemon.parse(stat).path("name").asText()).isEqualTo("passwd");
    HttpReply missing = d.api().request("HEAD", "/containers/" + id + "/archive?path=/nope", Map.of(), null);
    assertThat(missing.status()).isEqualTo(404);

    assertThat(d.api().post("/containers/" + id + "/resize?h=30&w=90", null).status()).isEqualTo(200);
  }

  @Test
  void generatedNamesPruneAndDf(BerthDaemon d) {
    String id = create(d, null, ",\"Cmd\":[\"true\"]");
    assertThat(d.getJson("/containers/" + id + "/json").path("Name").asText()).matches("/[a-z]+_[a-z]+");
    start(d, id);
    d.api().post("/containers/" + id + "/wait", null);

    JsonNode df = d.getJson("/system/df");
    assertThat(df.path("Images").isArray()).isTrue();
    assertThat(df.path("Containers").toString()).contains(id);
    assertThat(df.has("LayersSize")).isTrue();

    HttpReply prune = d.api().post("/containers/prune", null);
    assertThat(prune.status()).isEqualTo(200);
    assertThat(prune.json().path("ContainersDeleted").toString()).contains(id);
    assertThat(d.api().get("/containers/" + id + "/json").status()).isEqualTo(404);
  }

  @Test
  void startingARunningContainerIs304AndStoppingAStoppedOneToo(BerthDaemon d) {
    String id = create(d, null, ",\"Cmd\":[\"sleep\",\"300\"]");
    start(d, id);
    assertThat(d.api().post("/containers/" + id + "/start", null).status()).isEqualTo(304);
    assertThat(d.api().post("/containers/" + id + "/stop?t=0", null).status()).isEqualTo(204);
    assertThat(d.api().post("/containers/" + id + "/stop", null).status()).isEqualTo(304);
    HttpReply kill = d.api().post("/containers/" + id + "/kill", null);
    assertThat(kill.status()).isEqualTo(409);
    assertThat(kill.message()).contains("is not running");
  }
}
