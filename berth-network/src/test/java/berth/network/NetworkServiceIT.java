package berth.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import berth.core.Ids;
import berth.core.errors.Forbidden;
import berth.core.errors.Internal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Real namespaces, bridges, veths and iptables rules, no container runtime: busybox runs inside the
 * namespaces through nsenter. Traffic goes only to 127.0.0.1 and to the test's own networks
 * (subnets from 10.231.0.0/16, bridges named brt-*). The class ends by checking that nothing it
 * made is left: no bridge, veth, namespace, lease or iptables rule (iptables-save before/after).
 */
@Tag("integration")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkServiceIT {
  static final String TAG = HexFormat.of().formatHex(new byte[] {(byte) new Random().nextInt(), (byte) new Random().nextInt()});
  static Path root;
  static String iptablesBefore;
  static Set<String> linksBefore;
  static NetworkService net;
  static NetworkConfig config;
  static Network a;
  static Network b;
  static Network internal;
  static final Map<String, Path> ns = new java.util.LinkedHashMap<>();
  static final List<Process> servers = new ArrayList<>();

  @BeforeAll
  static void setUp() throws IOException {
    assumeTrue("root".equals(System.getProperty("user.name")), "NetworkServiceIT needs root: it makes namespaces and bridges");
    iptablesBefore = iptablesState();
    linksBefore = links();
    root = Files.createTempDirectory("berth-g-net-");
    NetworkConfig c = config = new NetworkConfig(root.resolve("state"), root.resolve("netns"), Path.of("/usr/lib/cni"),
        List.of(AddressPool.of("10.231.0.0/16", 24)), null, "brt-" + TAG + "d", List.of(), 53,
        PortAllocator.forHost());
    net = new NetworkService(c);
    a = net.create(bridge("a"));
    b = net.create(bridge("b"));
    internal = net.create(new NetworkCreateRequest("it-" + TAG + "-i", "bridge", null, true, false, false,
        Map.of(Network.BRIDGE_NAME_OPTION, "brt-" + TAG + "i"), null));
  }

  static NetworkCreateRequest bridge(String x) {
    return new NetworkCreateRequest("it-" + TAG + "-" + x, "bridge", null, false, false, false,
        Map.of(Network.BRIDGE_NAME_OPTION, "brt-" + TAG + x), Map.of("test", "berth-g"));
  }

  static String container(String name) {
    String id = Ids.newId();
    ns.put(name, net.createNetns(id));
    return id;
  }

  static final Map<String, String> ids = new java.util.HashMap<>();
  static final Map<String, Endpoint> eps = new java.util.HashMap<>();

  @Test
  @Order(1)
  void builtinsExistAndCannotBeRemoved() {
    assertThat(net.list()).extracting(Network::name).contains("bridge", "host", "none");
    assertThat(net.inspect("bridge").ipv4().subnet()).startsWith("10.231.");
    assertThatThrownBy(() -> net.remove("bridge")).isInstanceOf(Forbidden.class)
        .hasMessage("bridge is a pre-defined network and cannot be removed");
    assertThat(a.ipv4().subnet()).isNotEqualTo(b.ipv4().subnet());
  }

  @Test
  @Order(2)
  void namespacesOnOneNetworkReachEachOther() {
    for (String n : List.of("c1", "c2")) {
      ids.put(n, container(n));
    }
    assertThat(sh("c1", "ip", "-o", "link").lines().toList()).as("a fresh namespace has only loopback, up")
        .singleElement().asString().contains("lo:").contains("UP");
    eps.put("c1", net.connect(ids.get("c1"), ns.get("c1"), a.name(),
        new EndpointRequest("/c1", "host1", List.of("svc"), null, null, List.of(new PortMapping("", 0, 80, "tcp")))));
    long t0 = System.nanoTime();
    eps.put("c2", net.connect(ids.get("c2"), ns.get("c2"), a.id(),
        new EndpointRequest("/c2", null, List.of("svc"), a.ipv4().subnet().replace(".0/24", ".77"), null, null)));
    System.err.printf("connect without ports took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    assertThat(eps.get("c2").ipAddress()).endsWith(".77");
    assertThat(eps.get("c1").gateway()).isEqualTo(a.ipv4().gateway());
    assertThat(eps.get("c1").macAddress()).isEqualTo(NetworkService.dockerMac(Cidr.address(eps.get("c1").ipAddress())));
    assertThat(sh("c1", "ip", "-o", "-4", "addr", "show", "eth0")).contains(eps.get("c1").ipAddress() + "/24");
    assertThat(ping("c1", eps.get("c2").ipAddress())).isTrue();
    assertThat(sh("c1", "ip", "route")).contains("default via " + a.ipv4().gateway());
  }

  @Test
  @Order(3)
  void networksAreIsolatedAndInternalHasNoWayOut() {
    ids.put("c3", container("c3"));
    ids.put("c4", container("c4"));
    eps.put("c3", net.connect(ids.get("c3"), ns.get("c3"), b.name(), EndpointRequest.named("/c3")));
    eps.put("c4", net.connect(ids.get("c4"), ns.get("c4"), internal.name(), EndpointRequest.named("/c4")));
    assertThat(ping("c3", b.ipv4().gateway())).isTrue();
    assertThat(ping("c1", eps.get("c3").ipAddress())).as("a -> b").isFalse();
    assertThat(ping("c3", eps.get("c1").ipAddress())).as("b -> a").isFalse();
    assertThat(sh("c4", "ip", "route")).doesNotContain("default");
    assertThat(ping("c4", eps.get("c1").ipAddress())).as("internal -> a").isFalse();
  }

  @Test
  @Order(4)
  void publishedPortIsReachedFrom127001() throws Exception {
    Path www = root.resolve("www");
    Files.createDirectories(www);
    Files.writeString(www.resolve("index.html"), "hello from c1\n");
    servers.add(new ProcessBuilder("nsenter", "--net=" + ns.get("c1"), "busybox", "httpd", "-f", "-p", "80",
        "-h", www.toString()).redirectErrorStream(true).start());
    int port = eps.get("c1").ports().getFirst().hostPort();
    assertThat(port).isBetween(1024, 65535);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();
    String body = null;
    for (int i = 0; i < 50 && body == null; i++) {
      try {
        var resp = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(3)).build(),
            HttpResponse.BodyHandlers.ofString());
        body = resp.body();
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    assertThat(body).isEqualTo("hello from c1\n");
    // hairpin: c1 reaches its own published port through the gateway address
    assertThat(sh("c1", "curl", "-s", "-m", "3", "http://" + a.ipv4().gateway() + ":" + port + "/"))
        .isEqualTo("hello from c1\n");
    // and c2 reaches c1 through the host's published port on the gateway address
    assertThat(sh("c2", "curl", "-s", "-m", "3", "http://" + a.ipv4().gateway() + ":" + port + "/"))
        .isEqualTo("hello from c1\n");
  }

  @Test
  @Order(5)
  void takenHostPortIsRefusedAndLeavesNothing() {
    int port = eps.get("c1").ports().getFirst().hostPort();
    String id = container("c5");
    ids.put("c5", id);
    assertThatThrownBy(() -> net.connect(id, ns.get("c5"), b.name(),
        new EndpointRequest("/c5", null, null, null, null, List.of(new PortMapping("", port, 80, "tcp")))))
        .isInstanceOf(Internal.class).hasMessage("Bind for 0.0.0.0:" + port + " failed: port is already allocated");
    assertThat(net.endpoints(b.name())).extracting(Endpoint::containerId).doesNotContain(id);
    // a port a host process holds is refused too, as docker-proxy's bind would fail
    try (var held = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> net.connect(id, ns.get("c5"), b.name(), new EndpointRequest("/c5", null, null, null,
          null, List.of(new PortMapping("127.0.0.1", held.getLocalPort(), 80, "tcp")))))
          .hasMessage("Bind for 127.0.0.1:" + held.getLocalPort() + " failed: port is already allocated");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(net.endpoints(b.name())).extracting(Endpoint::containerId).doesNotContain(id);
  }

  @Test
  @Order(6)
  void embeddedDnsAnswersNamesOnItsNetworkOnly() throws Exception {
    String gw = a.ipv4().gateway();
    assertThat(resolve(gw, "c2")).containsExactly(eps.get("c2").ipAddress());
    assertThat(resolve(gw, "host1")).containsExactly(eps.get("c1").ipAddress());
    assertThat(resolve(gw, Ids.shortId(ids.get("c1")))).containsExactly(eps.get("c1").ipAddress());
    List<String> svc1 = resolve(gw, "svc");
    List<String> svc2 = resolve(gw, "svc");
    assertThat(svc1).containsExactlyInAnyOrder(eps.get("c1").ipAddress(), eps.get("c2").ipAddress());
    assertThat(svc2.getFirst()).isNotEqualTo(svc1.getFirst());
    assertThat(query(gw, "c3").getRcode()).as("c3 is on another network").isEqualTo(Rcode.NXDOMAIN);
    // and from inside a namespace, as a container would ask
    assertThat(sh("c2", "busybox", "nslookup", "c1", gw)).contains(eps.get("c1").ipAddress());
    assertThat(net.dnsServerFor(a.name())).isEqualTo(gw);
    assertThat(net.dnsServerFor("bridge")).isNull();
  }

  @Test
  @Order(7)
  void aRestartedServiceKeepsMappingsAndNames() throws Exception {
    net.close();
    net = new NetworkService(config);
    assertThat(net.endpoints(a.name())).extracting(Endpoint::containerId)
        .containsExactlyInAnyOrder(ids.get("c1"), ids.get("c2"));
    assertThat(resolve(a.ipv4().gateway(), "c2")).containsExactly(eps.get("c2").ipAddress());
    int port = eps.get("c1").ports().getFirst().hostPort();
    assertThat(Command.check("curl", "-s", "-m", "3", "http://127.0.0.1:" + port + "/")).isEqualTo("hello from c1\n");
  }

  @Test
  @Order(8)
  void networkInUseCannotBeRemoved() {
    assertThatThrownBy(() -> net.remove(a.name())).isInstanceOf(Forbidden.class)
        .hasMessage("error while removing network: network " + a.name() + " id " + a.id() + " has active endpoints");
  }

  @Test
  @Order(9)
  void disconnectReleasesAndOrphansAreCleaned() {
    net.disconnect(ids.get("c2"), a.name(), false);
    assertThat(net.endpoints(a.name())).extracting(Endpoint::containerId).containsExactly(ids.get("c1"));
    assertThat(sh("c2", "ip", "-o", "link")).doesNotContain("eth0");
    // everything else as after a crash: only c2 is alive, and c3's namespace is already gone
    assertThat(MasqueradeRules.chainName("berth-" + b.name(), ids.get("c3")))
        .isIn(Command.check("iptables", "-t", "nat", "-S").lines().map(l -> l.split(" ")[1]).toList());
    Command.check("umount", ns.get("c3").toString());
    Command.check("rm", ns.get("c3").toString());
    net.cleanupOrphans(Set.of(ids.get("c2")));
    for (Network n : net.list()) {
      assertThat(net.endpoints(n.id())).isEmpty();
    }
    assertThat(root.resolve("netns").toFile().list()).containsExactly(ids.get("c2"));
    net.removeNetns(ids.get("c2"));
  }

  @Test
  @Order(10)
  void dockersErrorsAndPrune() {
    assertThatThrownBy(() -> net.create(bridge("a"))).isInstanceOf(berth.core.errors.Conflict.class)
        .hasMessage("network with name " + a.name() + " already exists");
    assertThatThrownBy(() -> net.inspect("nosuch-" + TAG)).isInstanceOf(berth.core.errors.NotFound.class)
        .hasMessage("network nosuch-" + TAG + " not found");
    assertThatThrownBy(() -> net.create(new NetworkCreateRequest("it-" + TAG + "-o", "bridge",
        List.of(IpamConfig.of(a.ipv4().subnet())), false, false, false, null, null)))
        .isInstanceOf(Forbidden.class).hasMessage("Pool overlaps with other one on this address space");
    assertThatThrownBy(() -> net.create(new NetworkCreateRequest("it-" + TAG + "-g", "bridge",
        List.of(new IpamConfig("10.231.200.0/24", null, "10.231.201.1", null)), false, false, false, null, null)))
        .hasMessage("no matching subnet for gateway 10.231.201.1");
    Network p = net.create(new NetworkCreateRequest("it-" + TAG + "-p", "bridge", null, false, false, false,
        Map.of(Network.BRIDGE_NAME_OPTION, "brt-" + TAG + "p"), Map.of("prune", "me")));
    assertThat(net.inspect(Ids.shortId(p.id())).name()).isEqualTo(p.name());
    assertThat(net.prune(n -> "me".equals(n.labels().get("prune")))).containsExactly(p.name());
    assertThat(net.list()).extracting(Network::name).doesNotContain(p.name());
  }

  @Test
  @Order(11)
  void parallelConnectsGetDistinctAddressesAndWork() throws Exception {
    Network c = net.create(bridge("c"));
    List<String> names = List.of("p1", "p2", "p3", "p4", "p5", "p6");
    for (String n : names) {
      ids.put(n, container(n));
    }
    var results = new java.util.concurrent.ConcurrentHashMap<String, Endpoint>();
    long t0 = System.nanoTime();
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (String n : names) {
        pool.submit(() -> results.put(n, net.connect(ids.get(n), ns.get(n), c.name(), EndpointRequest.named("/" + n))));
      }
    }
    System.err.printf("6 parallel connects took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
    assertThat(results).hasSize(6);
    assertThat(results.values().stream().map(Endpoint::ipAddress).distinct()).hasSize(6);
    assertThat(ping("p1", results.get("p6").ipAddress())).isTrue();
    assertThat(resolve(c.ipv4().gateway(), "p3")).containsExactly(results.get("p3").ipAddress());
    for (String n : names) {
      net.disconnectAll(ids.get(n));
      net.removeNetns(ids.get(n));
    }
    net.remove(c.id());
  }

  @AfterAll
  static void tearDown() throws Exception {
    if (net == null) {
      return;
    }
    servers.forEach(Process::destroy);
    try {
      net.cleanupOrphans(Set.of());
      for (String n : List.of(a, b, internal).stream().filter(x -> x != null).map(Network::id).toList()) {
        net.remove(n);
      }
      net.close();
      // "nothing new", not "the same": other work on the host may remove its own links meanwhile
      assertThat(links()).as("no bridge or veth left").isSubsetOf(linksBefore);
      assertThat(root.resolve("netns").toFile().list()).isEmpty();
      assertThat(iptablesState().lines().filter(l -> !iptablesBefore.lines().toList().contains(l)).toList())
          .as("iptables rules or chains left behind").isEmpty();
    } finally {
      // belt and braces on failure: nothing of ours stays on the host
      for (String x : List.of("a", "b", "i", "d", "p", "c")) {
        Command.quiet("ip", "link", "del", "brt-" + TAG + x);
      }
      for (String x : List.of("a", "b", "p", "c")) {
        Isolation.remove("brt-" + TAG + x, false);
      }
      Isolation.remove("brt-" + TAG + "i", true);
      for (Path p : ns.values()) {
        Command.quiet("umount", "-l", p.toString());
      }
      Command.quiet("rm", "-rf", root.toString());
    }
  }

  static Set<String> links() {
    return Command.check("ip", "-o", "link").lines().map(l -> l.split(":")[1].trim().split("@")[0])
        .collect(java.util.stream.Collectors.toSet());
  }

  /**
   * Rules and chains of filter and nat, without counters and without the shared skeleton (the three
   * BERTH chains and their two jumps): another berthd on the host, or an empty skeleton left by a
   * killed one, owns those, and this class's last removal may rightly take an empty one away.
   */
  static String iptablesState() {
    // Rules and user chains only: an empty table appearing because iptables was first used is no leak.
    return Command.check("iptables-save").lines()
        .filter(l -> l.startsWith("-A") || (l.startsWith(":") && !l.matches(":(INPUT|FORWARD|OUTPUT|PREROUTING|POSTROUTING) .*")))
        .filter(l -> !SKELETON.contains(l.replaceAll("\\[\\d+:\\d+\\]", "").strip()))
        .map(l -> l.startsWith(":") ? l.replaceAll("\\[\\d+:\\d+\\]", "") : l)
        .reduce("", (x, y) -> x + y + "\n");
  }

  static final Set<String> SKELETON = Set.of(
      ":" + Isolation.FORWARD + " -", ":" + Isolation.STAGE1 + " -", ":" + Isolation.STAGE2 + " -",
      "-A FORWARD -j " + Isolation.FORWARD, "-A " + Isolation.FORWARD + " -j " + Isolation.STAGE1);

  static String sh(String name, String... argv) {
    Command.Result r = Netns.exec(ns.get(name), List.of(argv));
    return r.stdout() + r.stderr();
  }

  static boolean ping(String from, String to) {
    return Netns.exec(ns.get(from), List.of("busybox", "ping", "-c", "1", "-W", "1", to)).exit() == 0;
  }

  static Message query(String server, String name) throws Exception {
    SimpleResolver r = new SimpleResolver(new InetSocketAddress(InetAddress.getByName(server), 53));
    r.setTimeout(Duration.ofSeconds(2));
    return r.send(Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), Type.A, DClass.IN)));
  }

  static List<String> resolve(String server, String name) throws Exception {
    return query(server, name).getSection(Section.ANSWER).stream()
        .map(r -> ((ARecord) r).getAddress().getHostAddress()).toList();
  }
}
