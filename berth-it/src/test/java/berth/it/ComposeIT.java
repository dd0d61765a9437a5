package berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import berth.testkit.BerthDaemon;
import berth.testkit.BerthTest;
import berth.testkit.ExecResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `berth compose` with real stacks on a real berthd: names, volumes, readiness, scale, recreate, teardown. */
@BerthTest
class ComposeIT {
  @TempDir
  Path tmp;

  /** Runs {@code berth compose ARGS} in {@code dir}. */
  static ExecResult compose(BerthDaemon d, Path dir, String... args) {
    StringBuilder cmd = new StringBuilder("cd '" + dir + "' && berth compose");
    for (String a : args) {
      cmd.append(" '").append(a.replace("'", "'\\''")).append('\'');
    }
    return d.sh(cmd.toString());
  }

  Path project(String name, String yaml) {
    try {
      Path dir = Files.createDirectories(tmp.resolve(name));
      Files.writeString(dir.resolve("compose.yaml"), yaml);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> lines(ExecResult r) {
    return r.out().lines().toList();
  }

  static List<String> ids(BerthDaemon d, String project) {
    return lines(d.berth("ps", "-aq", "--no-trunc", "-f", "label=com.docker.compose.project=" + project).ok());
  }

  static JsonNode inspect(BerthDaemon d, String ref) {
    return BerthDaemon.parse(d.berth("inspect", ref).ok().out()).get(0);
  }

  static void assertNothingLeft(BerthDaemon d, String project) {
    assertThat(ids(d, project)).isEmpty();
    assertThat(lines(d.docker("network", "ls", "--format", "{{.Name}}").ok())).noneMatch(n -> n.startsWith(project + "_"));
    assertThat(lines(d.berth("volume", "ls", "-q").ok())).noneMatch(n -> n.startsWith(project + "_"));
  }

  @Test
  void servicesReachEachOtherByServiceNameAndAlias(BerthDaemon d) {
    String p = Names.unique("names");
    Path dir = project(p, """
        services:
          web:
            image: busybox
            command: sh -c "mkdir -p /www && echo hello-from-web > /www/index.html && exec httpd -f -p 80 -h /www"
            networks:
              default:
                aliases: [www]
          client:
            image: busybox
            command: sleep 300
            stop_grace_period: 1s
            depends_on: [web]
        """);
    try {
      ExecResult up = compose(d, dir, "up", "-d");
      assertThat(up.exitCode()).as(up.toString()).isZero();
      assertThat(up.err()).contains(" Network " + p + "_default  Created", " Container " + p + "-web-1  Started",
          " Container " + p + "-client-1  Started");
      BerthDaemon.eventually(Duration.ofSeconds(20), "web answers by its service name", () ->
          compose(d, dir, "exec", "-T", "client", "wget", "-qO-", "http://web/").out().equals("hello-from-web\n"));
      assertThat(compose(d, dir, "exec", "-T", "client", "wget", "-qO-", "http://www/").ok().out()).isEqualTo("hello-from-web\n");
      assertThat(compose(d, dir, "exec", "-T", "client", "nslookup", "web").ok().out()).contains("Address");
      JsonNode web = inspect(d, p + "-web-1");
      var labels = web.path("Config").path("Labels");
      assertThat(labels.path("com.docker.compose.project").asText()).isEqualTo(p);
      assertThat(labels.path("com.docker.compose.service").asText()).isEqualTo("web");
      assertThat(labels.path("com.docker.compose.container-number").asText()).isEqualTo("1");
      assertThat(labels.path("com.docker.compose.oneoff").asText()).isEqualTo("False");
      assertThat(labels.path("com.docker.compose.config-hash").asText()).hasSize(64);
      assertThat(labels.path("com.docker.compose.project.working_dir").asText()).isEqualTo(dir.toString());
      assertThat(labels.path("com.docker.compose.project.config_files").asText()).isEqualTo(dir.resolve("compose.yaml").toString());
      ExecResult ps = compose(d, dir, "ps").ok();
      assertThat(ps.out()).startsWith("NAME").contains(p + "-web-1", p + "-client-1", "Up ");
      assertThat(compose(d, dir, "ps", "--services").ok().out()).isEqualTo("client\nweb\n");
      assertThat(compose(d, dir, "ps", "-q").ok().out().lines()).hasSize(2);
      assertThat(compose(d, dir, "ls").ok().out()).contains(p, "running(2)");
      ExecResult run = compose(d, dir, "run", "--rm", "-T", "--no-deps", "-e", "X=from-run", "client", "sh", "-c", "echo $X; wget -qO- http://web/");
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).contains("from-run\n", "hello-from-web\n");
      assertThat(compose(d, dir, "run", "--rm", "-T", "--no-deps", "client", "sh", "-c", "exit 7").exitCode()).isEqualTo(7);
      assertThat(compose(d, dir, "ps", "-a", "-q").ok().out().lines()).hasSize(2);
      ExecResult logs = compose(d, dir, "logs", "--no-color", "client", "web");
      assertThat(logs.exitCode()).as(logs.toString()).isZero();
    } finally {
      ExecResult down = compose(d, dir, "down");
      assertThat(down.exitCode()).as(down.toString()).isZero();
    }
    assertThat(ids(d, p)).isEmpty();
    assertNothingLeft(d, p);
  }

  @Test
  void namedVolumeSurvivesDownAndUpAndGoesWithDownV(BerthDaemon d) {
    String p = Names.unique("vol");
    Path dir = project(p, """
        services:
          store:
            image: busybox
            command: sleep 300
            stop_grace_period: 1s
            volumes: ["data:/data"]
        volumes:
          data:
        """);
    try {
      compose(d, dir, "up", "-d").ok();
      assertThat(lines(d.berth("volume", "ls", "-q").ok())).contains(p + "_data");
      compose(d, dir, "exec", "-T", "store", "sh", "-c", "echo kept > /data/file").ok();
      ExecResult down = compose(d, dir, "down").ok();
      assertThat(down.err()).contains(" Container " + p + "-store-1  Removed", " Network " + p + "_default  Removed");
      assertThat(ids(d, p)).isEmpty();
      assertThat(lines(d.berth("volume", "ls", "-q").ok())).contains(p + "_data");
      compose(d, dir, "up", "-d").ok();
      assertThat(compose(d, dir, "exec", "-T", "store", "cat", "/data/file").ok().out()).isEqualTo("kept\n");
      assertThat(BerthDaemon.parse(d.docker("volume", "inspect", p + "_data").ok().out()).get(0).path("Labels").path("com.docker.compose.volume").asText()).isEqualTo("data");
    } finally {
      ExecResult down = compose(d, dir, "down", "-v");
      assertThat(down.exitCode()).as(down.toString()).isZero();
      assertThat(down.err()).contains(" Volume " + p + "_data  Removed");
    }
    assertNothingLeft(d, p);
  }

  @Test
  void dependsOnWaitsForHealthyAndForCompletion(BerthDaemon d) {
    String p = Names.unique("dep");
    Path dir = project(p, """
        services:
          db:
            image: busybox
            command: sh -c "sleep 2; touch /tmp/ready; exec sleep 300"
            stop_grace_period: 1s
            healthcheck:
              test: ["CMD", "test", "-f", "/tmp/ready"]
              interval: 500ms
              retries: 20
          init:
            image: busybox
            command: sh -c "sleep 1; exit ${INIT_EXIT:-0}"
          web:
            image: busybox
            command: sleep 300
            stop_grace_period: 1s
            depends_on:
              db: {condition: service_healthy}
              init: {condition: service_completed_successfully}
        """);
    try {
      ExecResult up = compose(d, dir, "up", "-d");
      assertThat(up.exitCode()).as(up.toString()).isZero();
      List<String> events = lines(new ExecResult("", 0, up.err(), ""));
      int healthy = events.indexOf(" Container " + p + "-db-1  Healthy");
      int exited = events.indexOf(" Container " + p + "-init-1  Exited");
      int webStarting = events.indexOf(" Container " + p + "-web-1  Starting");
      assertThat(healthy).as(up.err()).isNotNegative();
      assertThat(exited).as(up.err()).isNotNegative();
      assertThat(webStarting).as(up.err()).isGreaterThan(healthy).isGreaterThan(exited);
      assertThat(inspect(d, p + "-db-1").path("State").path("Health").path("Status").asText()).isEqualTo("healthy");
      compose(d, dir, "down").ok();
      ExecResult failing = d.sh("cd '" + dir + "' && INIT_EXIT=3 berth compose up -d");
      assertThat(failing.exitCode()).as(failing.toString()).isEqualTo(1);
      assertThat(failing.err()).contains("service \"init\" didn't complete successfully: exit 3");
      assertThat(ids(d, p)).hasSize(2); // web was never created
    } finally {
      compose(d, dir, "down").ok();
    }
    assertNothingLeft(d, p);
  }

  @Test
  void scalesToThreeAndBack(BerthDaemon d) {
    String p = Names.unique("scale");
    Path dir = project(p, """
        services:
          worker:
            image: busybox
            command: sleep 300
            stop_grace_period: 1s
        """);
    try {
      compose(d, dir, "up", "-d", "--scale", "worker=3").ok();
      assertThat(lines(compose(d, dir, "ps", "--format", "{{.Name}}").ok()))
          .containsExactly(p + "-worker-1", p + "-worker-2", p + "-worker-3");
      ExecResult back = compose(d, dir, "up", "-d").ok();
      assertThat(back.err()).contains(" Container " + p + "-worker-3  Removed", " Container " + p + "-worker-2  Removed");
      assertThat(lines(compose(d, dir, "ps", "-a", "--format", "{{.Name}}").ok())).containsExactly(p + "-worker-1");
    } finally {
      compose(d, dir, "down").ok();
    }
    assertNothingLeft(d, p);
  }

  @Test
  void upTwiceRecreatesOnlyTheChangedService(BerthDaemon d) throws IOException {
    String p = Names.unique("recreate");
    String yaml = """
        services:
          a:
            image: busybox
            command: sleep 300
            stop_grace_period: 1s
            environment: {VERSION: "1"}
          b:
            image: busybox
            command: sleep 300
            stop_grace_period: 1s
        """;
    Path dir = project(p, yaml);
    try {
      compose(d, dir, "up", "-d").ok();
      String a1 = inspect(d, p + "-a-1").path("Id").asText();
      String b1 = inspect(d, p + "-b-1").path("Id").asText();
      ExecResult same = compose(d, dir, "up", "-d").ok();
      assertThat(same.err()).contains(" Container " + p + "-a-1  Running", " Container " + p + "-b-1  Running");
      assertThat(inspect(d, p + "-a-1").path("Id").asText()).isEqualTo(a1);
      Files.writeString(dir.resolve("compose.yaml"), yaml.replace("VERSION: \"1\"", "VERSION: \"2\""));
      ExecResult changed = compose(d, dir, "up", "-d").ok();
      assertThat(changed.err()).contains(" Container " + p + "-a-1  Recreate", " Container " + p + "-a-1  Recreated",
          " Container " + p + "-b-1  Running");
      JsonNode a2 = inspect(d, p + "-a-1");
      assertThat(a2.path("Id").asText()).isNotEqualTo(a1);
      assertThat(a2.path("Config").path("Env").toString()).contains("VERSION=2");
      assertThat(inspect(d, p + "-b-1").path("Id").asText()).isEqualTo(b1);
      String b2 = inspect(d, p + "-b-1").path("Id").asText();
      compose(d, dir, "up", "-d", "--force-recreate", "b").ok();
      assertThat(inspect(d, p + "-b-1").path("Id").asText()).isNotEqualTo(b2);
    } finally {
      compose(d, dir, "down").ok();
    }
    assertNothingLeft(d, p);
  }

  @Test
  void profilesDotEnvExtendsAndTwoFiles(BerthDaemon d) throws IOException {
    String p = Names.unique("files");
    Path dir = project(p, """
        services:
          base:
            image: busybox
            command: sleep 300
            stop_grace_period: 1s
            environment: {FROM_BASE: "yes", GREETING: "${GREETING:?set GREETING}"}
          app:
            extends: base
            labels: {tier: app}
          debug:
            image: busybox
            command: sleep 300
            stop_grace_period: 1s
            profiles: [debug]
        """);
    Files.writeString(dir.resolve(".env"), "GREETING=hello-dotenv\n");
    Files.writeString(dir.resolve("override.yaml"), """
        services:
          app:
            environment: {FROM_OVERRIDE: "1"}
        """);
    try {
      ExecResult cfg = compose(d, dir, "-f", "compose.yaml", "-f", "override.yaml", "config");
      assertThat(cfg.exitCode()).as(cfg.toString()).isZero();
      assertThat(cfg.out()).contains("name: " + p, "GREETING: hello-dotenv", "FROM_OVERRIDE: '1'").doesNotContain("debug:");
      assertThat(compose(d, dir, "-f", "compose.yaml", "-f", "override.yaml", "config", "--services").ok().out())
          .isEqualTo("base\napp\n");
      compose(d, dir, "-f", "compose.yaml", "-f", "override.yaml", "up", "-d").ok();
      JsonNode app = inspect(d, p + "-app-1");
      assertThat(app.path("Config").path("Env").toString()).contains("GREETING=hello-dotenv", "FROM_BASE=yes", "FROM_OVERRIDE=1");
      assertThat(app.path("Config").path("Labels").path("tier").asText()).isEqualTo("app");
      assertThat(app.path("Config").path("Labels").path("com.docker.compose.project.config_files").asText())
          .isEqualTo(dir.resolve("compose.yaml") + "," + dir.resolve("override.yaml"));
      assertThat(ids(d, p)).hasSize(2);
      compose(d, dir, "--profile", "debug", "up", "-d").ok();
      assertThat(ids(d, p)).hasSize(3);
    } finally {
      compose(d, dir, "--profile", "debug", "down", "--remove-orphans").ok();
    }
    assertNothingLeft(d, p);
  }

  @Test
  void badProjectsAreRefusedBeforeAnythingIsCreated(BerthDaemon d) {
    String p = Names.unique("bad");
    Path dir = project(p, """
        services:
          a: {image: busybox, depends_on: [b]}
          b: {image: busybox, depends_on: [a]}
        """);
    ExecResult cycle = compose(d, dir, "up", "-d");
    assertThat(cycle.exitCode()).isEqualTo(1);
    assertThat(cycle.err()).contains("dependency cycle detected: a -> b -> a");
    project(p, "services:\n  a: {image: busybox, networks: [nope]}\n");
    assertThat(compose(d, dir, "up", "-d").err()).contains("service \"a\" refers to undefined network nope");
    project(p, "services:\n  a: {image: busybox, bogus: 1}\n");
    assertThat(compose(d, dir, "up", "-d").err())
        .contains("validating " + dir.resolve("compose.yaml") + ": services.a additional properties 'bogus' not allowed");
    project(p, "services:\n  a: {image: \"${NEEDED:?please set NEEDED}\"}\n");
    assertThat(compose(d, dir, "up", "-d").err())
        .contains("required variable NEEDED is missing a value: please set NEEDED");
    project(p, "services:\n  a: {image: nosuchimage:1, command: sleep 1}\n");
    ExecResult pull = compose(d, dir, "up", "-d");
    assertThat(pull.exitCode()).isEqualTo(1);
    assertThat(pull.err()).contains("Error response from daemon");
    assertNothingLeft(d, p);
  }

  @Test
  void foregroundUpPrintsPrefixedLogsAndAbortsOnContainerExit(BerthDaemon d) {
    String p = Names.unique("fg");
    Path dir = project(p, """
        services:
          talker:
            image: busybox
            command: sh -c "echo line-one; echo line-two >&2; sleep 1; exit 3"
          sleeper:
            image: busybox
            command: sleep 300
            stop_grace_period: 1s
        """);
    try {
      ExecResult up = compose(d, dir, "up", "--abort-on-container-exit", "--exit-code-from", "talker");
      assertThat(up.exitCode()).as(up.toString()).isEqualTo(3);
      assertThat(up.out()).contains("talker-1   | line-one\n", "talker-1   | line-two\n", "talker-1 exited with code 3\n",
          "Aborting on container exit...");
      assertThat(compose(d, dir, "ps", "-a", "--format", "{{.Service}} {{.State}}").ok().out().lines())
          .containsExactly("sleeper exited", "talker exited");
      ExecResult logs = compose(d, dir, "logs", "--no-color", "talker");
      assertThat(logs.out()).isEqualTo("talker-1  | line-one\ntalker-1  | line-two\n");
      assertThat(compose(d, dir, "logs", "--no-log-prefix", "--tail", "1", "talker").ok().out()).isEqualTo("line-two\n");
    } finally {
      compose(d, dir, "down").ok();
    }
    assertNothingLeft(d, p);
  }

  @Test
  void waitStopStartRestartPauseKillAndRm(BerthDaemon d) {
    String p = Names.unique("verbs");
    Path dir = project(p, """
        services:
          svc:
            image: busybox
            command: sleep 300
            stop_grace_period: 1s
            healthcheck:
              test: ["CMD", "true"]
              interval: 500ms
        """);
    try {
      ExecResult up = compose(d, dir, "up", "-d", "--wait");
      assertThat(up.exitCode()).as(up.toString()).isZero();
      assertThat(inspect(d, p + "-svc-1").path("State").path("Health").path("Status").asText()).isEqualTo("healthy");
      assertThat(compose(d, dir, "stop").ok().err()).contains(" Container " + p + "-svc-1  Stopped");
      assertThat(compose(d, dir, "ps", "-q").ok().out()).isEmpty();
      assertThat(compose(d, dir, "start").ok().err()).contains(" Container " + p + "-svc-1  Started");
      compose(d, dir, "pause").ok();
      assertThat(inspect(d, p + "-svc-1").path("State").path("Status").asText()).isEqualTo("paused");
      compose(d, dir, "unpause").ok();
      compose(d, dir, "restart").ok();
      assertThat(inspect(d, p + "-svc-1").path("State").path("Status").asText()).isEqualTo("running");
      assertThat(compose(d, dir, "top").ok().out()).contains(p + "-svc-1", "sleep 300");
      compose(d, dir, "kill").ok();
      assertThat(inspect(d, p + "-svc-1").path("State").path("Status").asText()).isEqualTo("exited");
      assertThat(compose(d, dir, "rm", "-f").ok().err()).contains(" Container " + p + "-svc-1  Removed");
      assertThat(ids(d, p)).isEmpty();
      assertThat(compose(d, dir, "version", "--short").ok().out()).matches("\\d+\\.\\d+\\.\\d+\n");
    } finally {
      compose(d, dir, "down").ok();
    }
    assertNothingLeft(d, p);
  }

  @Test
  void publishedPortsImagesAndConfigListings(BerthDaemon d) {
    String p = Names.unique("ports");
    Path dir = project(p, """
        services:
          web:
            image: busybox
            command: sh -c "mkdir -p /www && echo published > /www/index.html && exec httpd -f -p 80 -h /www"
            ports: ["127.0.0.1::80"]
            volumes: ["cache:/cache"]
        volumes:
          cache:
        """);
    try {
      compose(d, dir, "up", "-d").ok();
      String addr = compose(d, dir, "port", "web", "80").ok().outTrim();
      assertThat(addr).matches("127\\.0\\.0\\.1:\\d+");
      BerthDaemon.eventually(Duration.ofSeconds(20), "the published port answers from the host", () ->
          d.sh("wget -qO- http://" + addr + "/").out().equals("published\n"));
      assertThat(compose(d, dir, "ps", "--format", "{{.Ports}}").ok().outTrim()).isEqualTo(addr + "->80/tcp");
      ExecResult images = compose(d, dir, "images").ok();
      assertThat(images.out().lines().toList().getFirst()).startsWith("CONTAINER").contains("REPOSITORY", "TAG", "IMAGE ID", "SIZE");
      assertThat(images.out()).contains(p + "-web-1").contains("busybox").contains("latest");
      assertThat(compose(d, dir, "config", "--volumes").ok().out()).isEqualTo("cache\n");
      assertThat(compose(d, dir, "config", "-q").ok().out()).isEmpty();
    } finally {
      compose(d, dir, "down", "-v").ok();
    }
    assertNothingLeft(d, p);
  }
}
