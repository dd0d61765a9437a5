package berth.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.api.model.ContainerConfig;
import berth.api.model.EndpointSettings;
import berth.api.model.HostConfig;
import berth.api.model.NetworkingConfig;
import berth.api.model.PortBinding;
import berth.core.errors.Conflict;
import berth.core.errors.NotFound;
import berth.network.AddressPool;
import berth.network.NetworkConfig;
import berth.network.NetworkCreateRequest;
import berth.network.NetworkService;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The engine's networking seam with real containers: the default bridge with a published port
 * reached from the host, names on a user network, and nothing left behind after stop and remove.
 * Uses its own bridge device and a random /20 of 10.92.0.0/16 so it meets no other daemon.
 */
@Tag("integration")
class EngineNetworkingIT {
  Path dir;
  RealEngine real;
  NetworkService net;
  ContainerService cs;
  String bridge;

  @BeforeEach
  void open() throws Exception {
    dir = Files.createTempDirectory(Path.of("/tmp"), "berth-n-");
    int block = ThreadLocalRandom.current().nextInt(16) * 16;
    bridge = "btni" + ThreadLocalRandom.current().nextInt(100000);
    NetworkConfig d = NetworkConfig.defaults(dir.resolve("data"), dir.resolve("run"));
    net = new NetworkService(new NetworkConfig(d.stateDir(), d.netnsDir(), d.cniPluginDir(),
        List.of(AddressPool.of("10.92." + block + ".0/20", 24)), "10.92." + block + ".1/24", bridge,
        d.dnsForwarders(), d.dnsPort(), d.ports()));
    real = new RealEngine(dir, null, net);
    cs = real.engine.containers();
  }

  @AfterEach
  void close() throws Exception {
    try {
      if (real != null) {
        real.close();
      }
      for (var n : net.list()) {
        if (!n.predefined()) {
          net.remove(n.id());
        }
      }
      net.close();
    } finally {
      new ProcessBuilder("ip", "link", "del", bridge).start().waitFor();
      dropRulesOf(bridge);
      EngineIT.unmountAll(dir);
      FileTrees.deleteQuietly(dir);
    }
  }

  private static ContainerConfig cfg(String... cmd) {
    return ContainerConfig.builder().image("busybox").cmd(List.of(cmd)).build();
  }

  private int runToExit(String name, ContainerConfig c, HostConfig h, NetworkingConfig nc) throws Exception {
    String id = cs.create(name, c, h, nc, null).id();
    var exit = cs.wait(id, "next-exit").toCompletableFuture();
    cs.start(id);
    return exit.get(30, TimeUnit.SECONDS).statusCode().intValue();
  }

  @Test
  void defaultBridgePublishesAPortAndCleansUpOnStop() throws Exception {
    HostConfig h = HostConfig.builder().portBindings(Map.of("80/tcp", List.of(new PortBinding("127.0.0.1", ""))))
        .build();
    String id = cs.create("web", cfg("httpd", "-f", "-p", "80", "-h", "/etc"), h, null, null).id();
    cs.start(id);
    var ins = cs.inspect(id, false);
    String ip = ins.networkSettings().ipAddress();
    assertThat(ip).startsWith("10.92.");
    assertThat(ins.networkSettings().networks().get("bridge").ipAddress()).isEqualTo(ip);
    int port = Integer.parseInt(ins.networkSettings().ports().get("80/tcp").getFirst().hostPort());
    assertThat(port).isPositive();
    String reply = fetch("127.0.0.1", port, "/hostname");
    assertThat(reply).contains("200 OK").contains(id.substring(0, 12));
    assertThat(cs.list(false, 0, false, Map.of("publish", List.of(port + "/tcp")))).hasSize(1);
    assertThat(cs.list(false, 0, false, Map.of("network", List.of("bridge")))).hasSize(1);
    assertThat(Files.exists(Path.of(ins.networkSettings().sandboxKey()))).isTrue();

    cs.stop(id, null, 1);
    assertThat(net.endpointsOf(id)).isEmpty();
    assertThat(Files.exists(net.netnsPath(id))).isFalse();
    assertThatThrownBy(() -> fetch("127.0.0.1", port, "/hostname")).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void userNetworkResolvesNamesAndAliasesAndRefusesRemovalWhileInUse() throws Exception {
    real.engine.networks().create(NetworkCreateRequest.bridge("backend"));
    NetworkingConfig nc = new NetworkingConfig(Map.of("backend",
        new EndpointSettings(null, null, null, List.of("api"), null, null, null, null, null, null, null, null, null,
            null)));
    String srv = cs.create("srv", cfg("httpd", "-f", "-p", "80", "-h", "/etc"),
        HostConfig.builder().networkMode("backend").build(), nc, null).id();
    cs.start(srv);
    assertThat(cs.inspect(srv, false).networkSettings().networks().get("backend").dnsNames())
        .contains("srv", "api", srv.substring(0, 12));
    assertThatThrownBy(() -> real.engine.networks().remove("backend")).isInstanceOf(Conflict.class)
        .hasMessageContaining("has active endpoints");
    // by name and by alias, and the default bridge does not answer names
    assertThat(runToExit("cl1", cfg("sh", "-c", "nslookup api && wget -O /tmp/x http://srv/hostname && grep -q "
        + srv.substring(0, 12) + " /tmp/x"), HostConfig.builder().networkMode("backend").build(), null)).isZero();
    assertThat(runToExit("cl2", cfg("nslookup", "srv"), HostConfig.empty(), null)).isNotZero();
    String x1 = cs.create("x1", cfg("true"), HostConfig.builder().networkMode("nope").build(), null, null).id();
    assertThatThrownBy(() -> cs.start(x1)).isInstanceOf(NotFound.class).hasMessage("network nope not found");
    assertThat(Files.exists(net.netnsPath(x1))).isFalse();
    cs.remove(srv, true, false, false);
    assertThat(net.endpoints("backend")).isEmpty();
    real.engine.networks().remove("backend");
  }

  /** The default bridge's isolation rules outlive the service (a restarted daemon reuses them). */
  private static void dropRulesOf(String bridge) throws Exception {
    Process save = new ProcessBuilder("iptables-save", "-t", "filter").start();
    String rules = new String(save.getInputStream().readAllBytes());
    save.waitFor();
    for (String line : rules.split("\n")) {
      if (line.startsWith("-A ") && line.contains(" " + bridge + " ")) {
        List<String> cmd = new java.util.ArrayList<>(List.of("iptables", "-w", "-D"));
        cmd.addAll(List.of(line.substring(3).split(" ")));
        new ProcessBuilder(cmd).start().waitFor();
      }
    }
  }

  private static String fetch(String host, int port, String path) throws java.io.IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 3000);
      s.setSoTimeout(3000);
      s.getOutputStream().write(("GET " + path + " HTTP/1.0\r\n\r\n").getBytes());
      return new String(s.getInputStream().readAllBytes());
    }
  }
}
