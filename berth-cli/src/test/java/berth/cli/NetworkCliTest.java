package berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code berth network ...} against a scripted engine: bodies sent, docker's tables, messages and exit codes. */
class NetworkCliTest {
  FakeEngine engine;
  ByteArrayOutputStream out;
  ByteArrayOutputStream err;
  java.io.InputStream stdin = java.io.InputStream.nullInputStream();

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

  int berth(String... args) {
    out.reset();
    err.reset();
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
  void createSendsOnePoolPerSubnetAndPrintsTheId() {
    engine.json("POST /networks/create", 201, "{\"Id\":\"abc123\",\"Warning\":\"\"}");
    assertThat(berth("network", "create", "--subnet", "10.9.0.0/24", "--ip-range", "10.9.0.128/25",
        "--gateway", "10.9.0.254", "--aux-address", "r=10.9.0.2", "--internal", "--attachable", "--label", "a=b",
        "-o", "com.docker.network.bridge.name=br9", "n1")).isZero();
    assertThat(out()).isEqualTo("abc123\n");
    String body = engine.requests.getLast().bodyText();
    assertThat(body).contains("\"Name\":\"n1\"", "\"Driver\":\"bridge\"", "\"Internal\":true", "\"Attachable\":true",
        "\"Config\":[{\"Subnet\":\"10.9.0.0/24\",\"IPRange\":\"10.9.0.128/25\",\"Gateway\":\"10.9.0.254\","
            + "\"AuxiliaryAddresses\":{\"r\":\"10.9.0.2\"}}]",
        "\"Options\":{\"com.docker.network.bridge.name\":\"br9\"}", "\"Labels\":{\"a\":\"b\"}");
    assertThat(body).doesNotContain("EnableIPv6");
  }

  @Test
  void createRefusesWhatDockersCliRefuses() {
    int before = engine.requests.size();
    assertThat(berth("network", "create", "--gateway", "10.9.0.1", "n")).isEqualTo(1);
    assertThat(err()).isEqualTo("every ip-range or gateway must have a corresponding subnet\n");
    assertThat(berth("network", "create", "--subnet", "10.9.0.0/16", "--subnet", "10.9.1.0/24", "n")).isEqualTo(1);
    assertThat(err()).isEqualTo("multiple overlapping subnet configuration is not supported\n");
    assertThat(berth("network", "create", "--subnet", "10.9.0.0/24", "--gateway", "10.8.0.1", "n")).isEqualTo(1);
    assertThat(err()).isEqualTo("no matching subnet for gateway 10.8.0.1\n");
    assertThat(berth("network", "create", "--subnet", "10.9.0.0/24", "--ip-range", "10.8.0.0/25", "n")).isEqualTo(1);
    assertThat(err()).isEqualTo("no matching subnet for range 10.8.0.0/25\n");
    assertThat(berth("network", "create", "--subnet", "10.9.0.0/24", "--aux-address", "x=10.7.0.1", "n")).isEqualTo(1);
    assertThat(err()).isEqualTo("no matching subnet for aux-address 10.7.0.1\n");
    assertThat(berth("network", "create", "--subnet", "10.9.0.0/33", "--gateway", "10.9.0.1", "n")).isEqualTo(1);
    assertThat(err()).isEqualTo("invalid subnet: invalid CIDR address: 10.9.0.0/33\n");
    assertThat(engine.requests.size()).isEqualTo(before);
  }

  @Test
  void lsPrintsDockersColumnsSortedByName() {
    engine.json("GET /networks", 200, """
        [{"Name":"net10","Id":"1111111111111111aaaa","Driver":"bridge","Scope":"local","Created":"2026-11-23T06:00:00.5Z"},
         {"Name":"bridge","Id":"2222222222222222bbbb","Driver":"bridge","Scope":"local","Created":"2026-11-23T06:00:00Z"},
         {"Name":"net9","Id":"3333333333333333cccc","Driver":"bridge","Scope":"local","Labels":{"a":"b"},
          "Created":"2026-11-23T06:00:00Z","Internal":true}]
        """);
    assertThat(berth("network", "ls")).isZero();
    assertThat(out()).isEqualTo("""
        NETWORK ID     NAME      DRIVER    SCOPE
        222222222222   bridge    bridge    local
        333333333333   net9      bridge    local
        111111111111   net10     bridge    local
        """);
    assertThat(berth("network", "ls", "-q", "--no-trunc", "-f", "driver=bridge")).isZero();
    assertThat(out()).isEqualTo("2222222222222222bbbb\n3333333333333333cccc\n1111111111111111aaaa\n");
    assertThat(engine.requests.getLast().query()).contains("filters=");
    assertThat(berth("network", "ls", "--format", "{{.Name}} {{.Internal}} {{.Labels}}")).isZero();
    assertThat(out()).isEqualTo("bridge false \nnet9 true a=b\nnet10 false \n");
  }

  @Test
  void rmReportsEachFailureAndExitsOne() {
    engine.json("DELETE /networks/good", 204, "");
    engine.json("DELETE /networks/busy", 403, "{\"message\":\"error while removing network: network busy id 1 has active endpoints\"}");
    engine.json("DELETE /networks/gone", 404, "{\"message\":\"network gone not found\"}");
    assertThat(berth("network", "rm", "good", "busy", "gone")).isEqualTo(1);
    assertThat(out()).isEqualTo("good\n");
    assertThat(err()).isEqualTo("Error response from daemon: error while removing network: network busy id 1 has active endpoints\n"
        + "Error response from daemon: network gone not found\nexit status 1\n");
    assertThat(berth("network", "rm", "-f", "gone", "good")).isZero();
    assertThat(out()).isEqualTo("good\n");
  }

  @Test
  void pruneListsDeletedNetworksWithoutATotal() {
    engine.json("POST /networks/prune", 200, "{\"NetworksDeleted\":[\"a\",\"b\"]}");
    assertThat(berth("network", "prune", "-f")).isZero();
    assertThat(out()).isEqualTo("Deleted Networks:\na\nb\n\n");
    stdin = new java.io.ByteArrayInputStream("n\n".getBytes(StandardCharsets.UTF_8));
    int before = engine.requests.size();
    assertThat(berth("network", "prune")).isZero();
    assertThat(out()).isEqualTo("WARNING! This will remove all custom networks not used by at least one container.\n"
        + "Are you sure you want to continue? [y/N] ");
    assertThat(engine.requests.size()).isEqualTo(before);
  }

  @Test
  void connectAndDisconnectSendDockersBodies() {
    engine.json("POST /networks/n1/connect", 200, "");
    engine.json("POST /networks/n1/disconnect", 200, "");
    assertThat(berth("network", "connect", "--ip", "10.9.0.7", "--alias", "db", "--link", "web:w", "n1", "c1")).isZero();
    assertThat(engine.requests.getLast().bodyText()).contains("\"Container\":\"c1\"", "\"IPv4Address\":\"10.9.0.7\"",
        "\"Aliases\":[\"db\"]", "\"Links\":[\"web:w\"]");
    assertThat(berth("network", "disconnect", "-f", "n1", "c1")).isZero();
    assertThat(engine.requests.getLast().bodyText()).contains("\"Container\":\"c1\"", "\"Force\":true");
    engine.json("POST /networks/nope/connect", 404, "{\"message\":\"network nope not found\"}");
    assertThat(berth("network", "connect", "nope", "c1")).isEqualTo(1);
    assertThat(err()).isEqualTo("Error response from daemon: network nope not found\n");
  }

  @Test
  void inspectPrintsFoundNetworksThenErrors() {
    engine.json("GET /networks/n1", 200, "{\"Name\":\"n1\",\"Id\":\"abc\"}");
    engine.json("GET /networks/nope", 404, "{\"message\":\"network nope not found\"}");
    assertThat(berth("network", "inspect", "-f", "{{.Name}} {{.Id}}", "n1", "nope")).isEqualTo(1);
    assertThat(out()).isEqualTo("n1 abc\n");
    assertThat(err()).isEqualTo("Error response from daemon: network nope not found\n");
  }
}
