package berth.it;

import static org.assertj.core.api.Assertions.assertThat;

import berth.testkit.BerthDaemon;
import berth.testkit.BerthTest;
import berth.testkit.ExecResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code network create/ls/inspect/rm/prune/connect/disconnect} and {@code port} through berth and
 * the real docker CLI against berthd, with real traffic between busybox containers.
 */
@BerthTest
@Tag("integration")
class NetworkCommandsIT {

  /** The {@code k}-th /24 from the top of this daemon's /20 test slot (auto-allocation starts at the bottom). */
  static String slotSubnet(BerthDaemon d, int k) {
    try {
      String json = Files.readString(d.base().resolve("daemon.json"));
      Matcher m = Pattern.compile("\"base\": \"10\\.(\\d+)\\.(\\d+)\\.0/20\"").matcher(json);
      if (!m.find()) {
        throw new IllegalStateException("no pool in " + json);
      }
      return "10." + m.group(1) + "." + (Integer.parseInt(m.group(2)) + 15 - k) + ".0/24";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String prefix(String subnet) {
    return subnet.substring(0, subnet.lastIndexOf('.') + 1);
  }

  static final String SERVE = "mkdir -p /www && echo hello-$(hostname) > /www/index.html && exec httpd -f -p 80 -h /www";

  @ParameterizedTest
  @EnumSource(Cli.class)
  void createListInspectRemove(Cli cli, BerthDaemon d) {
    String name = Names.unique("net");
    String subnet = slotSubnet(d, 0);
    String p = prefix(subnet);
    String id = cli.run(d, "network", "create", "--subnet", subnet, "--gateway", p + "254", "--ip-range", p + "128/25",
        "--aux-address", "router=" + p + "2", "--label", "team=a", "--attachable", "-o",
        "com.docker.network.bridge.name=bn" + name.substring(4), name).ok().outTrim();
    try {
      assertThat(id).matches("[0-9a-f]{64}");
      var ls = cli.run(d, "network", "ls").ok().out();
      assertThat(ls.lines().findFirst().orElseThrow()).matches("NETWORK ID\\s+NAME\\s+DRIVER\\s+SCOPE");
      assertThat(ls).containsPattern(id.substring(0, 12) + "\\s+" + name + "\\s+bridge\\s+local\n");
      assertThat(ls).containsPattern("\\s+bridge\\s+bridge\\s+local\n").containsPattern("\\s+host\\s+host\\s+local\n")
          .containsPattern("\\s+none\\s+null\\s+local\n");
      assertThat(cli.run(d, "network", "ls", "-q", "-f", "label=team=a").ok().outTrim()).isEqualTo(id.substring(0, 12));
      assertThat(cli.run(d, "network", "ls", "-q", "--no-trunc", "-f", "name=" + name).ok().outTrim()).isEqualTo(id);
      assertThat(cli.run(d, "network", "ls", "--format", "{{.Name}} {{.Driver}} {{.Internal}}", "-f", "id=" + id)
          .ok().outTrim()).isEqualTo(name + " bridge false");
      assertThat(cli.run(d, "network", "inspect", "-f",
          "{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}} {{.IPRange}} {{.AuxiliaryAddresses.router}}{{end}} {{.Attachable}}",
          name).ok().outTrim()).isEqualTo(subnet + " " + p + "254 " + p + "128/25 " + p + "2 true");
      JsonNode n = BerthDaemon.parse(cli.run(d, "network", "inspect", name).ok().out()).get(0);
      assertThat(n.get("Id").asText()).isEqualTo(id);
      assertThat(n.get("Labels").get("team").asText()).isEqualTo("a");
      assertThat(n.get("Options").get("com.docker.network.bridge.name").asText()).isEqualTo("bn" + name.substring(4));
      // a second network over the same subnet is refused
      var overlap = cli.run(d, "network", "create", "--subnet", subnet, Names.unique("ov"));
      assertThat(overlap.exitCode()).isEqualTo(1);
      assertThat(overlap.err()).contains("Error response from daemon:");
    } finally {
      assertThat(cli.run(d, "network", "rm", name).ok().outTrim()).isEqualTo(name);
    }
    var gone = cli.run(d, "network", "inspect", name);
    assertThat(gone.exitCode()).isEqualTo(1);
    assertThat(gone.out()).isEqualTo("[]\n");
    assertThat(gone.err()).contains("Error response from daemon: network " + name + " not found");
    var rm = cli.run(d, "network", "rm", name, "bridge");
    assertThat(rm.exitCode()).isEqualTo(1);
    assertThat(rm.err()).contains("Error response from daemon: network " + name + " not found");
    assertThat(rm.err()).contains("bridge is a pre-defined network and cannot be removed");
    assertThat(rm.err()).endsWith("exit status 1\n");
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void clientSideIpamErrorsMatchDockers(Cli cli, BerthDaemon d) {
    String subnet = slotSubnet(d, 1);
    var r = cli.run(d, "network", "create", "--subnet", subnet, "--gateway", "192.0.2.1", Names.unique("bad"));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("no matching subnet for gateway 192.0.2.1");
    var g = cli.run(d, "network", "create", "--gateway", "192.0.2.1", Names.unique("bad"));
    assertThat(g.exitCode()).isEqualTo(1);
    assertThat(g.err()).contains("every ip-range or gateway must have a corresponding subnet");
    var sub = cli.run(d, "network", "create", "--subnet", "10.1.300.0/24", Names.unique("bad"));
    assertThat(sub.exitCode()).isEqualTo(1);
    assertThat(sub.err()).isEqualTo(
        "Error response from daemon: Invalid subnet 10.1.300.0/24 : invalid CIDR address: 10.1.300.0/24\n");
    assertThat(cli.run(d, "network", "ls", "-q", "-f", "name=bad-").ok().outTrim()).isEmpty();
    String v6 = Names.unique("v6");
    cli.run(d, "network", "create", "--ipv6", "--subnet", "fd00:b0e1:0::/64", v6).ok();
    try {
      assertThat(cli.run(d, "network", "inspect", "-f", "{{.EnableIPv6}}{{range .IPAM.Config}} {{.Subnet}}{{end}}", v6)
          .ok().outTrim()).startsWith("true").contains(" fd00:b0e1::/64");
    } finally {
      cli.run(d, "network", "rm", v6).ok();
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void containersFindEachOtherByNameAndAliasAndRmRefusesANetworkInUse(Cli cli, BerthDaemon d) {
    String net = Names.unique("app");
    String srv = Names.unique("srv");
    cli.run(d, "network", "create", net).ok();
    try {
      cli.run(d, "run", "-d", "--name", srv, "--network", net, "--network-alias", "api", "busybox", "sh", "-c", SERVE)
          .ok();
      var get = cli.run(d, "run", "--rm", "--network", net, "busybox", "sh", "-c",
          "for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O /tmp/f http://" + srv + "/ && break; sleep 0.3; done;"
              + " cat /tmp/f; wget -q -O /tmp/g http://api/ && cat /tmp/g");
      assertThat(get.exitCode()).as(get.toString()).isZero();
      assertThat(get.out()).contains("hello-").hasLineCount(2);
      // the default bridge has no name resolution
      var none = cli.run(d, "run", "--rm", "busybox", "nslookup", srv);
      assertThat(none.exitCode()).isNotZero();
      var busy = cli.run(d, "network", "rm", net);
      assertThat(busy.exitCode()).isEqualTo(1);
      assertThat(busy.err()).contains("Error response from daemon: error while removing network: network " + net)
          .contains("has active endpoints");
      JsonNode n = BerthDaemon.parse(cli.run(d, "network", "inspect", net).ok().out()).get(0);
      assertThat(n.get("Containers").size()).isEqualTo(1);
      assertThat(n.get("Containers").elements().next().get("Name").asText()).isEqualTo(srv);
    } finally {
      d.docker("rm", "-f", srv);
      cli.run(d, "network", "rm", net).ok();
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void pruneRemovesOnlyUnusedCustomNetworksMatchingTheFilter(Cli cli, BerthDaemon d) {
    String keep = Names.unique("keep");
    String drop = Names.unique("drop");
    String used = Names.unique("used");
    String c = Names.unique("c");
    cli.run(d, "network", "create", "--label", "prune=yes", drop).ok();
    cli.run(d, "network", "create", "--label", "prune=no", keep).ok();
    cli.run(d, "network", "create", "--label", "prune=yes", used).ok();
    try {
      cli.run(d, "create", "--name", c, "--network", used, "busybox", "true").ok();
      var refused = cli.runIn(d, "n\n", "network", "prune");
      assertThat(refused.exitCode()).isZero();
      assertThat(refused.out()).startsWith(
          "WARNING! This will remove all custom networks not used by at least one container.\n"
              + "Are you sure you want to continue? [y/N] ");
      assertThat(cli.run(d, "network", "ls", "-q", "-f", "name=" + drop).ok().outTrim()).isNotEmpty();
      var old = cli.run(d, "network", "prune", "-f", "--filter", "until=2001-01-01T00:00:00Z").ok();
      assertThat(old.out()).isEmpty();
      var recent = cli.run(d, "network", "prune", "-f", "--filter", "until=24h", "--filter", "label=prune=yes").ok();
      assertThat(recent.out()).isEmpty();
      var p = cli.run(d, "network", "prune", "-f", "--filter", "label=prune=yes").ok();
      assertThat(p.out()).isEqualTo("Deleted Networks:\n" + drop + "\n\n");
      assertThat(cli.run(d, "network", "ls", "--format", "{{.Name}}").ok().out().lines()).contains(keep, used)
          .doesNotContain(drop);
    } finally {
      d.docker("rm", "-f", c);
      d.docker("network", "rm", keep, used, drop);
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void connectWithIpAndAliasThenDisconnect(Cli cli, BerthDaemon d) {
    String a = Names.unique("na");
    String b = Names.unique("nb");
    String subnet = slotSubnet(d, 2);
    String srv = Names.unique("s");
    cli.run(d, "network", "create", a).ok();
    cli.run(d, "network", "create", "--subnet", subnet, b).ok();
    try {
      cli.run(d, "create", "--name", srv, "--network", a, "busybox", "sh", "-c", SERVE).ok();
      cli.run(d, "network", "connect", "--ip", prefix(subnet) + "77", "--alias", "web", "--driver-opt",
          "com.example.x=1", b, srv).ok();
      assertThat(cli.run(d, "inspect", "-f", "{{json (index .NetworkSettings.Networks \"" + b + "\").DriverOpts}}"
          + " {{json (index .NetworkSettings.Networks \"" + b + "\").Aliases}}", srv).ok().outTrim())
          .isEqualTo("{\"com.example.x\":\"1\"} [\"web\"]");
      var again = cli.run(d, "network", "connect", b, srv);
      assertThat(again.exitCode()).isEqualTo(1);
      assertThat(again.err()).contains("endpoint with name " + srv + " already exists in network " + b);
      cli.run(d, "start", srv).ok();
      assertThat(cli.run(d, "inspect", "-f", "{{(index .NetworkSettings.Networks \"" + b + "\").IPAddress}}", srv)
          .ok().outTrim()).isEqualTo(prefix(subnet) + "77");
      var get = cli.run(d, "run", "--rm", "--network", b, "busybox", "sh", "-c",
          "for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O /tmp/f http://web/ && break; sleep 0.3; done; cat /tmp/f;"
              + " nslookup web | grep -c " + prefix(subnet) + "77");
      assertThat(get.exitCode()).as(get.toString()).isZero();
      assertThat(get.out()).startsWith("hello-");
      cli.run(d, "network", "disconnect", b, srv).ok();
      var inspect = cli.run(d, "network", "inspect", "-f", "{{len .Containers}}", b).ok();
      assertThat(inspect.outTrim()).isEqualTo("0");
      var missing = cli.run(d, "network", "disconnect", b, srv);
      assertThat(missing.exitCode()).isEqualTo(1);
      assertThat(missing.err()).contains("is not connected to network " + b);
      var noNet = cli.run(d, "network", "connect", Names.unique("nonet"), srv);
      assertThat(noNet.exitCode()).isEqualTo(1);
      assertThat(noNet.err()).contains("not found");
      String lone = Names.unique("lone");
      cli.run(d, "run", "-d", "--name", lone, "--network", "none", "busybox", "sleep", "60").ok();
      var private_ = cli.run(d, "network", "connect", b, lone);
      d.docker("rm", "-f", lone);
      assertThat(private_.exitCode()).isEqualTo(1);
      assertThat(private_.err()).contains(
          "container cannot be connected to multiple networks with one of the networks in private (none) mode");
      // -f on a container that no longer exists is not an error
      assertThat(cli.run(d, "network", "disconnect", "-f", b, "no-such-container").exitCode()).isZero();
    } finally {
      d.docker("rm", "-f", srv);
      d.docker("network", "rm", a, b);
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void linksOnAUserNetworkAreNamesOnlyTheLinkingContainerResolves(Cli cli, BerthDaemon d) {
    String a = Names.unique("la");
    String b = Names.unique("lb");
    String srv = Names.unique("lsrv");
    String cl = Names.unique("lcl");
    cli.run(d, "network", "create", a).ok();
    cli.run(d, "network", "create", b).ok();
    try {
      cli.run(d, "run", "-d", "--name", srv, "--network", a, "busybox", "sh", "-c", SERVE).ok();
      var linked = cli.run(d, "run", "--rm", "--network", a, "--link", srv + ":web2", "busybox", "sh", "-c",
          "for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O /tmp/f http://web2/ && break; sleep 0.3; done; cat /tmp/f");
      assertThat(linked.exitCode()).as(linked.toString()).isZero();
      assertThat(linked.out()).startsWith("hello-");
      assertThat(cli.run(d, "run", "--rm", "--network", a, "busybox", "nslookup", "web2").exitCode()).isNotZero();

      cli.run(d, "run", "-d", "--name", cl, "--network", a, "busybox", "sleep", "120").ok();
      cli.run(d, "network", "connect", b, srv).ok();
      cli.run(d, "network", "connect", "--link", srv + ":backend", b, cl).ok();
      String srvOnB = ipOn(cli, d, srv, b);
      var look = cli.run(d, "exec", cl, "nslookup", "backend");
      assertThat(look.exitCode()).as(look.toString()).isZero();
      assertThat(look.out()).contains(srvOnB);
      assertThat(cli.run(d, "exec", srv, "nslookup", "backend").exitCode()).isNotZero();
    } finally {
      d.docker("rm", "-f", srv, cl);
      d.docker("network", "rm", a, b);
    }
  }

  @ParameterizedTest
  @EnumSource(Cli.class)
  void connectAndDisconnectARunningContainer(Cli cli, BerthDaemon d) {
    String a = Names.unique("ra");
    String b = Names.unique("rb");
    String c1 = Names.unique("one");
    String c2 = Names.unique("two");
    cli.run(d, "network", "create", a).ok();
    cli.run(d, "network", "create", b).ok();
    try {
      cli.run(d, "run", "-d", "--name", c1, "--network", a, "busybox", "sh", "-c", SERVE).ok();
      cli.run(d, "run", "-d", "--name", c2, "--network", b, "busybox", "sh", "-c", SERVE).ok();
      String ipA = ipOn(cli, d, c1, a);
      assertThat(cli.run(d, "exec", c1, "cat", "/etc/hosts").ok().out()).contains(ipA + "\t").doesNotContain(ipOn(cli, d, c2, b));
      // not on a shared network yet: neither finds the other
      assertThat(cli.run(d, "exec", c1, "nslookup", c2).exitCode()).isNotZero();

      cli.run(d, "network", "connect", "--alias", "extra", b, c1).ok();
      String ipB = ipOn(cli, d, c1, b);
      String hosts = cli.run(d, "exec", c1, "cat", "/etc/hosts").ok().out();
      assertThat(hosts).contains(ipA + "\t").contains(ipB + "\t");
      assertThat(hosts.indexOf(ipA + "\t")).isLessThan(hosts.indexOf(ipB + "\t"));
      var there = cli.run(d, "exec", c1, "sh", "-c", "wget -q -O /tmp/f http://" + c2 + "/ && cat /tmp/f");
      assertThat(there.exitCode()).as(there.toString()).isZero();
      assertThat(there.out()).startsWith("hello-");
      var back = cli.run(d, "exec", c2, "sh", "-c", "wget -q -O /tmp/f http://" + c1 + "/ && cat /tmp/f"
          + " && nslookup extra | grep -c " + ipB);
      assertThat(back.exitCode()).as(back.toString()).isZero();
      assertThat(back.out()).startsWith("hello-");

      cli.run(d, "network", "disconnect", b, c1).ok();
      assertThat(cli.run(d, "exec", c1, "cat", "/etc/hosts").ok().out()).contains(ipA + "\t").doesNotContain(ipB + "\t");
      assertThat(cli.run(d, "exec", c2, "nslookup", c1).exitCode()).isNotZero();
      assertThat(cli.run(d, "exec", c1, "sh", "-c", "wget -q -T 2 -O /tmp/g http://" + c2 + "/").exitCode()).isNotZero();

      cli.run(d, "network", "disconnect", a, c1).ok();
      var links = cli.run(d, "exec", c1, "ip", "-o", "link", "show").ok().out();
      assertThat(links.lines().map(l -> l.split(": ")[1]).toList()).containsExactly("lo");
      assertThat(cli.run(d, "exec", c1, "ip", "-o", "-4", "addr", "show").ok().out()).contains("127.0.0.1")
          .doesNotContain(ipA);
      assertThat(cli.run(d, "exec", c1, "cat", "/etc/hosts").ok().out()).doesNotContain(ipA).contains("localhost");
      assertThat(cli.run(d, "network", "inspect", "-f", "{{len .Containers}}", a).ok().outTrim()).isEqualTo("0");

      // and it can join again, as in Docker
      cli.run(d, "network", "connect", b, c1).ok();
      String again = ipOn(cli, d, c1, b);
      assertThat(cli.run(d, "exec", c1, "cat", "/etc/hosts").ok().out()).contains(again + "\t");
      var rejoined = cli.run(d, "exec", c1, "sh", "-c", "wget -q -O /tmp/h http://" + c2 + "/ && cat /tmp/h");
      assertThat(rejoined.exitCode()).as(rejoined.toString()).isZero();
      assertThat(rejoined.out()).startsWith("hello-");
      String sandbox = cli.run(d, "inspect", "-f", "{{.NetworkSettings.SandboxID}}", c1).ok().outTrim();
      assertThat(sandbox).matches("[0-9a-f]{64}")
          .isNotEqualTo(cli.run(d, "inspect", "-f", "{{.Id}}", c1).ok().outTrim());
    } finally {
      d.docker("rm", "-f", c1, c2);
      d.docker("network", "rm", a, b);
    }
  }

  private static String ipOn(Cli cli, BerthDaemon d, String c, String net) {
    String ip = cli.run(d, "inspect", "-f", "{{(index .NetworkSettings.Networks \"" + net + "\").IPAddress}}", c)
        .ok().outTrim();
    assertThat(ip).matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    return ip;
  }

  @Test
  void berthPrintsWhatDockerPrintsByteForByte(BerthDaemon d) {
    String net = Names.unique("same");
    String c = Names.unique("sc");
    d.docker("network", "create", "--label", "a=b", net).ok();
    try {
      d.docker("run", "-d", "--name", c, "--network", net, "busybox", "sleep", "60").ok();
      for (String[] args : new String[][] {
          {"network", "ls"}, {"network", "ls", "--no-trunc"}, {"network", "ls", "--format", "json"},
          {"network", "ls", "--format", "{{.Name}}|{{.CreatedAt}}|{{.Labels}}|{{.IPv6}}|{{.Internal}}"},
          {"network", "inspect", net}, {"network", "inspect", "bridge", "none", "host"},
          {"network", "rm", "no-such-net"}, {"network", "connect", "no-such-net", c},
          {"network", "disconnect", net, "no-such-container"}, {"network", "create", net}}) {
        ExecResult docker = d.docker(args);
        ExecResult berth = d.berth(args);
        assertThat(berth.out()).as(String.join(" ", args)).isEqualTo(docker.out());
        assertThat(berth.err()).as(String.join(" ", args)).isEqualTo(docker.err());
        assertThat(berth.exitCode()).as(String.join(" ", args)).isEqualTo(docker.exitCode());
      }
    } finally {
      d.docker("rm", "-f", c);
      d.docker("network", "rm", net);
    }
  }

  @Test
  void portPrintsWhatDockerPrintsAndThePortCarriesTraffic(BerthDaemon d) throws Exception {
    String c = Names.unique("pub");
    d.berth("run", "-d", "--name", c, "-p", "127.0.0.1::80", "-p", "127.0.0.1::81/udp", "busybox", "sh", "-c", SERVE)
        .ok();
    try {
      ExecResult docker = d.docker("port", c).ok();
      ExecResult berth = d.berth("port", c).ok();
      assertThat(berth.out()).isEqualTo(docker.out());
      assertThat(berth.out()).containsPattern("80/tcp -> 127\\.0\\.0\\.1:\\d+\n").contains("81/udp -> 127.0.0.1:");
      assertThat(d.berth("port", c, "80").ok().out()).isEqualTo(d.docker("port", c, "80").ok().out());
      String hostPort = d.berth("port", c, "80/tcp").ok().outTrim().replaceFirst(".*:", "");
      ExecResult missingD = d.docker("port", c, "8080");
      ExecResult missingB = d.berth("port", c, "8080");
      assertThat(missingB.exitCode()).isEqualTo(missingD.exitCode()).isEqualTo(1);
      assertThat(missingB.err()).isEqualTo(missingD.err());
      ExecResult badD = d.docker("port", c, "http");
      ExecResult badB = d.berth("port", c, "http");
      assertThat(badB.exitCode()).isEqualTo(badD.exitCode());
      assertThat(badB.err()).isEqualTo(badD.err());
      String body = "";
      for (int i = 0; i < 20 && !body.startsWith("hello-"); i++) {
        body = d.sh("curl -s --max-time 2 http://127.0.0.1:" + hostPort + "/").out();
        if (!body.startsWith("hello-")) {
          Thread.sleep(300);
        }
      }
      assertThat(body).startsWith("hello-");
    } finally {
      d.docker("rm", "-f", c);
    }
  }
}
