package berth.it;

import static berth.it.ComposeIT.compose;
import static org.assertj.core.api.Assertions.assertThat;

import berth.testkit.BerthDaemon;
import berth.testkit.BerthTest;
import berth.testkit.ExecResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's docker-compose (v1, from scripts/setup.sh) against berthd with the same file, and the
 * two compose implementations seeing each other's projects through the shared labels.
 */
@BerthTest
class ComposeCompatIT {
  private static final String STACK = """
      services:
        web:
          image: busybox
          command: sh -c "mkdir -p /www && echo hello-from-web > /www/index.html && exec httpd -f -p 80 -h /www"
        client:
          image: busybox
          command: sleep 300
          stop_grace_period: 1s
          depends_on: [web]
          volumes: ["data:/data"]
      volumes:
        data:
      """;

  @TempDir
  Path tmp;

  static ExecResult v1(BerthDaemon d, Path dir, String... args) {
    StringBuilder cmd = new StringBuilder("cd '" + dir + "' && docker-compose");
    for (String a : args) {
      cmd.append(" '").append(a).append('\'');
    }
    return d.sh(cmd.toString());
  }

  @Test
  void dockerComposeV1RunsTheSameFileAndBothSeeOneProject(BerthDaemon d) throws Exception {
    String p = Names.unique("compat").replace("-", "");
    Path dir = Files.createDirectories(tmp.resolve(p));
    Files.writeString(dir.resolve("docker-compose.yml"), STACK);
    try {
      ExecResult up = v1(d, dir, "up", "-d");
      assertThat(up.exitCode()).as(up.toString()).isZero();
      BerthDaemon.eventually(Duration.ofSeconds(20), "web answers by name under docker-compose v1", () ->
          v1(d, dir, "exec", "-T", "client", "wget", "-qO-", "http://web/").out().equals("hello-from-web\n"));
      // berth compose sees v1's containers as this project's
      ExecResult ps = compose(d, dir, "ps", "--format", "{{.Service}} {{.Name}}").ok();
      assertThat(ps.out().lines()).containsExactly("client " + p + "_client_1", "web " + p + "_web_1");
      assertThat(compose(d, dir, "exec", "-T", "client", "wget", "-qO-", "http://web/").ok().out()).isEqualTo("hello-from-web\n");
      compose(d, dir, "exec", "-T", "client", "sh", "-c", "echo v1-wrote > /data/f").ok();
      // berth compose takes the project over (v1 hashes config differently, so it recreates) ...
      ExecResult bup = compose(d, dir, "up", "-d");
      assertThat(bup.exitCode()).as(bup.toString()).isZero();
      assertThat(compose(d, dir, "exec", "-T", "client", "cat", "/data/f").ok().out()).isEqualTo("v1-wrote\n");
      BerthDaemon.eventually(Duration.ofSeconds(20), "web answers by name under berth compose", () ->
          compose(d, dir, "exec", "-T", "client", "wget", "-qO-", "http://web/").out().equals("hello-from-web\n"));
      // ... and docker-compose v1 sees berth's containers
      ExecResult v1ps = v1(d, dir, "ps", "--services");
      assertThat(v1ps.exitCode()).as(v1ps.toString()).isZero();
      assertThat(v1ps.out().lines()).containsExactlyInAnyOrder("web", "client");
      ExecResult down = v1(d, dir, "down", "-v");
      assertThat(down.exitCode()).as(down.toString()).isZero();
    } finally {
      compose(d, dir, "down", "-v", "--remove-orphans").ok();
    }
    ComposeIT.assertNothingLeft(d, p);
  }

  /** What docker-compose v1 does to each container it creates: disconnect the primary network, connect it with aliases. */
  @Test
  void aCreatedContainerReconnectedToItsNetworkStartsOnItWithItsAliases(BerthDaemon d) {
    String net = Names.unique("recon");
    String srv = Names.unique("srv");
    String cli = Names.unique("cli");
    d.docker("network", "create", net).ok();
    try {
      d.docker("create", "--name", srv, "--network", net, "busybox", "sh", "-c",
          "mkdir -p /www && echo via-alias > /www/index.html && exec httpd -f -p 80 -h /www").ok();
      d.docker("network", "disconnect", net, srv).ok();
      d.docker("network", "connect", "--alias", "the-alias", net, srv).ok();
      d.docker("start", srv).ok();
      assertThat(d.docker("inspect", "-f", "{{.HostConfig.NetworkMode}}", srv).ok().outTrim()).isEqualTo(net);
      d.docker("run", "-d", "--name", cli, "--network", net, "busybox", "sleep", "300").ok();
      BerthDaemon.eventually(Duration.ofSeconds(20), "the alias set by connect answers", () ->
          d.docker("exec", cli, "wget", "-qO-", "http://the-alias/").out().equals("via-alias\n"));
    } finally {
      d.docker("rm", "-f", srv, cli);
      d.docker("network", "rm", net);
    }
  }
}
