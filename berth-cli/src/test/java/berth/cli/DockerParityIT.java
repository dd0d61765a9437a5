package berth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders the same daemon answers with the real docker CLI and with berth, and compares stdout
 * byte for byte: tables, human times and sizes, ports, templates, inspect JSON.
 */
@Tag("integration")
class DockerParityIT {
  static final Path DOCKER = Path.of("/usr/local/bin/docker");
  static FakeEngine engine;

  @BeforeAll
  static void start() throws IOException {
    engine = new FakeEngine();
    long now = System.currentTimeMillis() / 1000;
    engine.json("GET /containers/json", 200, """
        [{"Id":"4f66ad9a0b2e7d1c5e1f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f","Names":["/web","/other/alias"],
          "Image":"busybox:latest","ImageID":"sha256:aaa","Command":"sh -c 'while true; do sleep 1; done'",
          "Created":%d,"State":"running","Status":"Up 2 minutes (healthy)",
          "Ports":[{"IP":"0.0.0.0","PrivatePort":80,"PublicPort":8080,"Type":"tcp"},{"PrivatePort":53,"Type":"udp"},
                   {"PrivatePort":8000,"Type":"tcp"},{"PrivatePort":8001,"Type":"tcp"},{"IP":"::","PrivatePort":80,"PublicPort":8080,"Type":"tcp"}],
          "Labels":{"b":"2","a":"1"},"SizeRw":12,"SizeRootFs":4264000,
          "NetworkSettings":{"Networks":{"none":{}}},"Mounts":[{"Type":"bind","Source":"/very/long/source/path","Destination":"/d"}]},
         {"Id":"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef","Names":["/old_one"],
          "Image":"sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef",
          "ImageID":"sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef","Command":"true",
          "Created":%d,"State":"exited","Status":"Exited (0) 2 hours ago","Ports":[],"Labels":{},
          "NetworkSettings":{"Networks":{"host":{}}},"Mounts":[]}]
        """.formatted(now - 150, now - 7300));
    engine.json("GET /images/json", 200, """
        [{"Id":"sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef","RepoTags":["busybox:latest","busybox:1.36"],
          "RepoDigests":[],"Created":%d,"Size":4264000,"SharedSize":-1,"Containers":-1},
         {"Id":"sha256:abcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcdefabcd","RepoTags":[],"RepoDigests":[],
          "Created":%d,"Size":123456789,"SharedSize":-1,"Containers":-1}]
        """.formatted(now - 7200, now - 86400 * 20));
    engine.json("GET /containers/web/json", 200, """
        {"Id":"4f66ad9a0b2e","Created":"2024-01-02T15:04:05.123456789Z","Path":"sh","Args":["-c","x"],
         "State":{"Status":"running","Running":true,"Pid":42},"Name":"/web",
         "Config":{"Env":["PATH=/bin","A=<b>&c"],"Cmd":["sh","-c","x"],"Labels":{"com.x":"y","a":"1"},"Volumes":null},
         "HostConfig":{"Memory":536870912,"NanoCpus":1500000000,"Binds":null},"Mounts":[]}
        """);
    engine.json("GET /images/busybox/history", 200, """
        [{"Id":"sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef","Created":%d,
          "CreatedBy":"/bin/sh -c #(nop)  CMD [\\"sh\\"]","Tags":["busybox:latest"],"Size":0,"Comment":""},
         {"Id":"<missing>","Created":%d,"CreatedBy":"/bin/sh -c #(nop) ADD file:abc in / ","Tags":null,"Size":4264000,"Comment":"imported"}]
        """.formatted(now - 7200, now - 7300));
    engine.json("GET /info", 200, "{\"Swarm\":{\"LocalNodeState\":\"inactive\"}}");
  }

  @AfterAll
  static void stop() throws IOException {
    if (engine != null) {
      engine.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "ps", "ps -a", "ps -a --no-trunc", "ps -s", "ps -q", "ps --format {{json\u0020.}}",
      "ps --format table{{.ID}}\\t{{.Labels}}\\t{{.Label\u0020\"a\"}}\\t{{.Mounts}}",
      "images", "images -q", "images --no-trunc", "images --format json", "inspect web",
      "inspect -f {{.State.Status}}/{{.Config.Labels}}/{{json\u0020.Config.Env}}/{{index\u0020.Config.Labels\u0020\"com.x\"}} web",
      "history busybox", "history --no-trunc busybox", "history -q busybox",
  })
  void sameStdoutAsDocker(String line) throws Exception {
    assumeTrue(Files.isExecutable(DOCKER), "docker CLI not installed");
    String[] args = line.replace('\u0020', ' ').split(" (?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
    List<String> cmd = new ArrayList<>(List.of(DOCKER.toString()));
    for (String a : args) {
      cmd.add(a.replace("\\t", "\\t"));
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("DOCKER_HOST", "unix://" + engine.socket);
    pb.environment().put("DOCKER_CONFIG", engine.dir.toString());
    Process p = pb.start();
    String docker = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(OutputStream.nullOutputStream()), engine.env());
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(docker);
  }
}
