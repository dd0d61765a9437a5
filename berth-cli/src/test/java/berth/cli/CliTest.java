package berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import berth.client.StreamDemuxer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CLI end to end against a scripted engine: requests sent, output printed, exit codes. */
class CliTest {
  FakeEngine engine;
  ByteArrayOutputStream out;
  ByteArrayOutputStream err;

  @BeforeEach
  void setUp() throws IOException {
    engine = new FakeEngine();
    out = new ByteArrayOutputStream();
    err = new ByteArrayOutputStream();
  }

  @AfterEach
  void tearDown() throws IOException {
    engine.close();
  }

  java.io.InputStream stdin = java.io.InputStream.nullInputStream();

  int berth(String... args) {
    return Main.run(args, stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), engine.env());
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void psPrintsDockersTable() {
    engine.json("GET /containers/json", 200, """
        [{"Id":"0123456789abcdef0123","Names":["/web"],"Image":"busybox","Command":"sleep 100",
          "Created":%d,"State":"running","Status":"Up 5 seconds","Ports":[]}]
        """.formatted(System.currentTimeMillis() / 1000 - 5));
    assertThat(berth("ps")).isZero();
    assertThat(out()).startsWith("CONTAINER ID   IMAGE     COMMAND       CREATED         STATUS         PORTS     NAMES\n"
        + "0123456789ab   busybox   \"sleep 100\"   5 seconds ago   Up 5 seconds             web\n");
    assertThat(berth("ps", "-q", "-a")).isZero();
    assertThat(engine.requests.getLast().query()).isEqualTo("all=1");
    assertThat(out()).endsWith("web\n0123456789ab\n");
  }

  @Test
  void inspectPrintsAnIndentedArrayAndFormats() {
    engine.json("GET /containers/web/json", 200, "{\"Id\":\"abc\",\"State\":{\"Status\":\"running\"},\"Args\":[]}");
    engine.json("GET /containers/nope/json", 404, "{\"message\":\"No such container: nope\"}");
    engine.json("GET /images/nope/json", 404, "{\"message\":\"No such image: nope\"}");
    assertThat(berth("inspect", "web")).isZero();
    assertThat(out()).isEqualTo("""
        [
            {
                "Id": "abc",
                "State": {
                    "Status": "running"
                },
                "Args": []
            }
        ]
        """);
    out.reset();
    assertThat(berth("inspect", "-f", "{{.State.Status}} {{json .Args}}", "web", "nope")).isEqualTo(1);
    assertThat(out()).isEqualTo("running []\n");
    assertThat(err()).isEqualTo("Error: No such object: nope\n");
  }

  @Test
  void rmCarriesOnAfterAFailure() {
    engine.json("DELETE /containers/a", 204, "");
    engine.json("DELETE /containers/b", 404, "{\"message\":\"No such container: b\"}");
    assertThat(berth("rm", "-f", "b", "a")).isEqualTo(1);
    assertThat(out()).isEqualTo("a\n");
    assertThat(err()).isEqualTo("Error response from daemon: No such container: b\n");
    assertThat(engine.requests.getLast().query()).isEqualTo("force=1");
  }

  @Test
  void runAttachesBeforeStartAndExitsWithTheContainersStatus() {
    engine.json("POST /containers/create", 201, "{\"Id\":\"c1\",\"Warnings\":[]}");
    engine.route("POST /containers/c1/attach", (r, in, o) -> {
      o.write(("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\n"
          + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      o.flush();
      // output only once started, like a real container
      while (engine.paths().stream().noneMatch(p -> p.equals("POST /containers/c1/start"))) {
        Thread.onSpinWait();
      }
      o.write(StreamDemuxer.encode(1, "hi\n".getBytes(StandardCharsets.UTF_8)));
      o.write(StreamDemuxer.encode(2, "oops\n".getBytes(StandardCharsets.UTF_8)));
    });
    engine.route("POST /containers/c1/wait", (r, in, o) -> FakeEngine.reply(o, 200, "application/json", "{\"StatusCode\":3}"));
    engine.json("POST /containers/c1/start", 204, "");
    assertThat(berth("run", "--network", "none", "--rm", "busybox", "sh", "-c", "echo hi")).isEqualTo(3);
    assertThat(out()).isEqualTo("hi\n");
    assertThat(err()).isEqualTo("oops\n");
    assertThat(engine.paths()).containsExactly("POST /containers/create", "POST /containers/c1/attach",
        "POST /containers/c1/wait", "POST /containers/c1/start");
    assertThat(engine.requests.get(1).query()).isEqualTo("stream=1&stdout=1&stderr=1");
    assertThat(engine.requests.get(2).query()).isEqualTo("condition=removed");
    String body = engine.requests.getFirst().bodyText();
    assertThat(body).contains("\"Cmd\":[\"sh\",\"-c\",\"echo hi\"]", "\"NetworkMode\":\"none\"",
        "\"AutoRemove\":true", "\"AttachStdout\":true", "\"Image\":\"busybox\"");
  }

  @Test
  void runDetachedPrintsTheId() {
    engine.json("POST /containers/create", 201, "{\"Id\":\"c2\",\"Warnings\":[\"careful\"]}");
    engine.json("POST /containers/c2/start", 204, "");
    assertThat(berth("run", "-d", "--name", "web", "busybox")).isZero();
    assertThat(out()).isEqualTo("c2\n");
    assertThat(err()).isEqualTo("WARNING: careful\n");
    assertThat(engine.requests.getFirst().query()).isEqualTo("name=web");
  }

  @Test
  void runMapsStartErrorsToDockersExitCodes() {
    engine.json("POST /containers/create", 201, "{\"Id\":\"c3\"}");
    engine.json("POST /containers/c3/start", 400,
        "{\"message\":\"failed to create task: exec: \\\"nosuch\\\": executable file not found in $PATH\"}");
    assertThat(berth("run", "-d", "busybox", "nosuch")).isEqualTo(127);
    assertThat(err()).startsWith("berth: Error response from daemon: failed to create task");
  }

  @Test
  void runPullsAMissingImageThenRetries() {
    int[] creates = {0};
    engine.route("POST /containers/create", (r, in, o) -> {
      if (creates[0]++ == 0) {
        FakeEngine.reply(o, 404, "application/json", "{\"message\":\"No such image: busybox:latest\"}");
      } else {
        FakeEngine.reply(o, 201, "application/json", "{\"Id\":\"c4\"}");
      }
    });
    engine.json("POST /images/create", 200, "{\"status\":\"Pulling from library/busybox\",\"id\":\"latest\"}\n"
        + "{\"status\":\"Downloading\",\"progressDetail\":{\"current\":1,\"total\":2},\"id\":\"abc\"}\n"
        + "{\"status\":\"Status: Downloaded newer image for busybox:latest\"}\n");
    engine.json("POST /containers/c4/start", 204, "");
    assertThat(berth("run", "-d", "busybox")).isZero();
    assertThat(err()).isEqualTo("Unable to find image 'busybox:latest' locally\n"
        + "latest: Pulling from library/busybox\nStatus: Downloaded newer image for busybox:latest\n");
    assertThat(engine.requests.get(1).query()).isEqualTo("fromImage=busybox&tag=latest");
  }

  @Test
  void runRejectsBadFlagValuesWith125() {
    assertThat(berth("run", "--cpus", "abc", "busybox")).isEqualTo(125);
    assertThat(err()).isEqualTo("invalid argument \"abc\" for \"--cpus\" flag: failed to parse abc as a rational number\n\n"
        + "Usage:  berth run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'berth run --help' for more information\n");
    assertThat(engine.requests).isEmpty();
  }

  @Test
  void daemonErrorsOnCreateAre125() {
    engine.json("POST /containers/create", 400, "{\"message\":\"bridge networking is not available yet\"}");
    assertThat(berth("run", "busybox")).isEqualTo(125);
    assertThat(err()).isEqualTo("berth: Error response from daemon: bridge networking is not available yet\n\n"
        + "Run 'berth run --help' for more information\n");
  }

  @Test
  void versionShowsClientAndServer() {
    engine.json("GET /version", 200, """
        {"Platform":{"Name":"Berth Engine"},"Components":[{"Name":"Engine","Version":"0.1.0",
         "Details":{"ApiVersion":"1.47","MinAPIVersion":"1.24","GoVersion":"java25","GitCommit":"abc",
         "BuildTime":"now","Os":"linux","Arch":"amd64","Experimental":"false"}}],"ApiVersion":"1.47"}
        """);
    assertThat(berth("version")).isZero();
    assertThat(out()).contains("Client:\n Version:           0.1.0\n API version:       1.47\n")
        .contains("\nServer: Berth Engine\n Engine:\n  Version:          0.1.0\n  API version:      1.47 (minimum version 1.24)\n");
    out.reset();
    assertThat(berth("version", "--format", "{{.Server.ApiVersion}}")).isZero();
    assertThat(out()).isEqualTo("1.47\n");
  }

  @Test
  void unreachableDaemonUsesDockersWording() {
    int code = Main.run(new String[] {"ps"}, new PrintStream(out), new PrintStream(err),
        Map.of("BERTH_HOST", "unix:///tmp/berth-e-missing/x.sock"));
    assertThat(code).isEqualTo(1);
    assertThat(err()).isEqualTo("Cannot connect to the Berth daemon at unix:///tmp/berth-e-missing/x.sock."
        + " Is the berth daemon running?\n");
  }

  @Test
  void usageErrors() {
    assertThat(berth("ps", "--bogus")).isEqualTo(125);
    assertThat(err()).isEqualTo("unknown flag: --bogus\n\nUsage:  berth ps [OPTIONS]\n\nRun 'berth ps --help' for more information\n");
    err.reset();
    assertThat(berth("frobnicate")).isEqualTo(1);
    assertThat(err()).isEqualTo("berth: unknown command: berth frobnicate\n\nRun 'berth --help' for more information\n");
    err.reset();
    assertThat(berth("rm")).isEqualTo(1);
    assertThat(err()).isEqualTo("berth: 'berth rm' requires at least 1 argument\n\nUsage:  berth rm [OPTIONS] CONTAINER [CONTAINER...]\n\n"
        + "See 'berth rm --help' for more information\n");
    err.reset();
    assertThat(berth("ps", "-n", "x")).isEqualTo(125);
    assertThat(err()).startsWith("invalid argument \"x\" for \"-n, --last\" flag: strconv.ParseInt: parsing \"x\": invalid syntax\n");
  }

  @Test
  void containerGroupFormsReachTheSameCommands() {
    engine.json("GET /containers/json", 200, "[]");
    engine.json("POST /containers/x/stop", 304, "");
    assertThat(berth("container", "ls", "--format", "{{.ID}}")).isZero();
    assertThat(out()).isEmpty();
    assertThat(berth("container", "stop", "-t", "3", "x")).isZero();
    assertThat(out()).isEqualTo("x\n");
    assertThat(engine.requests.getLast().query()).isEqualTo("t=3");
  }

  @Test
  void imagesTableAndLogs() {
    engine.json("GET /images/json", 200, """
        [{"Id":"sha256:1234567890abcdef","RepoTags":["busybox:latest"],"Created":%d,"Size":4264000}]
        """.formatted(System.currentTimeMillis() / 1000 - 7200));
    assertThat(berth("images")).isZero();
    assertThat(out()).isEqualTo("REPOSITORY   TAG       IMAGE ID       CREATED       SIZE\n"
        + "busybox      latest    1234567890ab   2 hours ago   4.26MB\n");
    out.reset();
    engine.json("GET /containers/web/json", 200, "{\"Id\":\"w\",\"Config\":{\"Tty\":false}}");
    engine.route("GET /containers/web/logs", (r, in, o) -> {
      byte[] a = StreamDemuxer.encode(1, "line1\n".getBytes(StandardCharsets.UTF_8));
      byte[] b = StreamDemuxer.encode(2, "err1\n".getBytes(StandardCharsets.UTF_8));
      o.write(("HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\nContent-Length: "
          + (a.length + b.length) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      o.write(a);
      o.write(b);
    });
    assertThat(berth("logs", "--tail", "5", "-t", "web")).isZero();
    assertThat(out()).isEqualTo("line1\n");
    assertThat(err()).isEqualTo("err1\n");
    assertThat(engine.requests.getLast().query()).isEqualTo("stdout=1&stderr=1&timestamps=1&tail=5");
  }

  @Test
  void cpCopiesBothWaysThroughTheArchiveEndpoints() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory(java.nio.file.Path.of("/tmp"), "berth-e-cp-");
    try {
      ByteArrayOutputStream tar = new ByteArrayOutputStream();
      try (var t = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(tar)) {
        byte[] data = "127.0.0.1 localhost\n".getBytes(StandardCharsets.UTF_8);
        var e = new org.apache.commons.compress.archivers.tar.TarArchiveEntry("hosts");
        e.setSize(data.length);
        t.putArchiveEntry(e);
        t.write(data);
        t.closeArchiveEntry();
      }
      String stat = java.util.Base64.getEncoder().encodeToString("{\"name\":\"hosts\",\"size\":20,\"mode\":420}".getBytes(StandardCharsets.UTF_8));
      engine.route("GET /containers/c/archive", (r, in, o) -> {
        o.write(("HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\nX-Docker-Container-Path-Stat: " + stat
            + "\r\nContent-Length: " + tar.size() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        tar.writeTo(o);
      });
      assertThat(berth("cp", "c:/etc/hosts", dir.resolve("h.txt").toString())).isZero();
      assertThat(java.nio.file.Files.readString(dir.resolve("h.txt"))).isEqualTo("127.0.0.1 localhost\n");
      assertThat(err()).isEqualTo("Successfully copied 20B to " + dir.resolve("h.txt") + "\n");
      assertThat(engine.requests.getLast().query()).isEqualTo("path=%2Fetc%2Fhosts");

      String dirStat = java.util.Base64.getEncoder().encodeToString(
          ("{\"name\":\"tmp\",\"size\":0,\"mode\":" + ((1L << 31) | 0777) + "}").getBytes(StandardCharsets.UTF_8));
      engine.route("HEAD /containers/c/archive", (r, in, o) -> {
        o.write(("HTTP/1.1 200 OK\r\nX-Docker-Container-Path-Stat: " + dirStat + "\r\nContent-Length: 0\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
      });
      engine.json("PUT /containers/c/archive", 200, "");
      java.nio.file.Files.writeString(dir.resolve("local.txt"), "abc");
      assertThat(berth("cp", dir.resolve("local.txt").toString(), "c:/tmp")).isZero();
      FakeEngine.Req put = engine.requests.getLast();
      assertThat(put.method()).isEqualTo("PUT");
      assertThat(put.query()).isEqualTo("path=%2Ftmp&noOverwriteDirNonDir=1");
      try (var t = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(new java.io.ByteArrayInputStream(put.body()))) {
        var e = t.getNextEntry();
        assertThat(e.getName()).isEqualTo("local.txt");
        assertThat(new String(t.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("abc");
      }
    } finally {
      try (var walk = java.nio.file.Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** A hijack that sends a 101, then echoes stdin back as stdout frames until the client half-closes. */
  static FakeEngine.Route echoHijack() {
    return (r, in, o) -> {
      o.write(("HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\n"
          + "Connection: Upgrade\r\nUpgrade: tcp\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      o.flush();
      byte[] got = in.readAllBytes();
      o.write(StreamDemuxer.encode(1, got));
      o.flush();
    };
  }

  @Test
  void runInteractiveWithoutTtyPipesStdinAndHalfCloses() {
    engine.json("POST /containers/create", 201, "{\"Id\":\"c5\"}");
    engine.route("POST /containers/c5/attach", echoHijack());
    engine.route("POST /containers/c5/wait", (r, in, o) -> {
      while (engine.paths().stream().noneMatch(p -> p.equals("POST /containers/c5/start"))) {
        Thread.onSpinWait();
      }
      FakeEngine.reply(o, 200, "application/json", "{\"StatusCode\":0}");
    });
    engine.json("POST /containers/c5/start", 204, "");
    stdin = new java.io.ByteArrayInputStream("piped input\n".getBytes(StandardCharsets.UTF_8));
    assertThat(berth("run", "-i", "--network", "none", "busybox", "cat")).isZero();
    assertThat(out()).isEqualTo("piped input\n");
    assertThat(engine.requests.get(1).query()).isEqualTo("stream=1&stdin=1&stdout=1&stderr=1");
    assertThat(engine.requests.getFirst().bodyText()).contains("\"OpenStdin\":true", "\"StdinOnce\":true");
  }

  @Test
  void execStreamsAndExitsWithTheCommandsStatus() {
    engine.json("POST /containers/web/exec", 201, "{\"Id\":\"e1\"}");
    engine.route("POST /exec/e1/start", echoHijack());
    engine.json("GET /exec/e1/json", 200, "{\"ID\":\"e1\",\"Running\":false,\"ExitCode\":5}");
    stdin = new java.io.ByteArrayInputStream("data".getBytes(StandardCharsets.UTF_8));
    assertThat(berth("exec", "-i", "-e", "A=1", "-w", "/tmp", "web", "sh", "-c", "cat; exit 5")).isEqualTo(5);
    assertThat(out()).isEqualTo("data");
    String body = engine.requests.getFirst().bodyText();
    assertThat(body).contains("\"AttachStdin\":true", "\"Tty\":false", "\"Env\":[\"A=1\"]", "\"WorkingDir\":\"/tmp\"",
        "\"Cmd\":[\"sh\",\"-c\",\"cat; exit 5\"]");
    assertThat(engine.requests.get(1).bodyText()).isEqualTo("{\"Detach\":false,\"Tty\":false}");
  }
}
