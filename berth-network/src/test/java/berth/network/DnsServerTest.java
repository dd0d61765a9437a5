package berth.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The server on 127.0.0.1 and an ephemeral port, queried over UDP and TCP; nothing is forwarded. */
class DnsServerTest {
  private static final String A = "a".repeat(64);
  private static final String B = "b".repeat(64);
  private DnsNames names;
  private DnsServer server;

  @BeforeEach
  void start() throws Exception {
    names = new DnsNames();
    names.add(endpoint(A, "/web-1", "webhost", "10.88.3.2", List.of("web")));
    names.add(endpoint(B, "/web-2", null, "10.88.3.3", List.of("web")));
    server = new DnsServer(InetAddress.getLoopbackAddress(), 0, names, List.of());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static Endpoint endpoint(String id, String name, String host, String ip, List<String> aliases) {
    return new Endpoint("e" + id.substring(1), "n", id, name, host, aliases, "eth0", ip, 24, "10.88.3.1", null,
        "/x", List.of(), null, null);
  }

  private Message ask(String name, int type, boolean tcp) throws Exception {
    SimpleResolver r = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
    r.setTCP(tcp);
    r.setTimeout(Duration.ofSeconds(2));
    return r.send(Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN)));
  }

  private static List<String> addresses(Message m) {
    return m.getSection(Section.ANSWER).stream().map(r -> ((ARecord) r).getAddress().getHostAddress()).toList();
  }

  @Test
  void answersNamesShortIdsHostnamesAndAliases() throws Exception {
    assertThat(addresses(ask("web-1", Type.A, false))).containsExactly("10.88.3.2");
    assertThat(addresses(ask("WEBHOST.", Type.A, true))).containsExactly("10.88.3.2");
    assertThat(addresses(ask("bbbbbbbbbbbb", Type.A, false))).containsExactly("10.88.3.3");
  }

  @Test
  void aContainerOnSeveralNetworksFindsNamesOnAllOfThemOthersDoNot() {
    DnsNames other = new DnsNames();
    String c = "c".repeat(64);
    other.add(endpoint(c, "/db", null, "10.88.4.5", List.of()));
    other.add(endpoint(A, "/web-1", null, "10.88.4.2", List.of()));
    names.peers(id -> id.equals(A) ? List.of(names, other) : List.of(names));
    assertThat(names.lookupFor(addr("10.88.3.2"), "db")).extracting(InetAddress::getHostAddress)
        .containsExactly("10.88.4.5");
    assertThat(names.lookupFor(addr("10.88.3.3"), "db")).isEmpty();
    assertThat(names.lookupFor(addr("10.88.9.9"), "db")).isEmpty();
    assertThat(names.lookupFor(addr("10.88.3.3"), "web-1")).extracting(InetAddress::getHostAddress)
        .containsExactly("10.88.3.2");
  }

  @Test
  void aLinkAliasResolvesForTheLinkingContainerOnly() {
    DnsNames n = new DnsNames();
    String c = "c".repeat(64);
    n.add(endpoint(A, "/web-1", null, "10.88.5.2", List.of()));
    n.add(new Endpoint("e1", "n", c, "/client", null, List.of(), "eth0", "10.88.5.3", 24, "10.88.5.1", null, "/x",
        List.of(), null, null, List.of("/web-1:/client/backend")));
    assertThat(n.lookupFor(addr("10.88.5.3"), "backend")).extracting(InetAddress::getHostAddress)
        .containsExactly("10.88.5.2");
    assertThat(n.lookupFor(addr("10.88.5.2"), "backend")).isEmpty();
    assertThat(n.lookup("backend")).isEmpty();
    n.remove(c);
    assertThat(n.linkTarget(c, "backend")).isNull();
  }

  private static InetAddress addr(String ip) {
    return Cidr.address(ip);
  }

  @Test
  void sharedAliasIsAnsweredRoundRobin() throws Exception {
    List<String> first = addresses(ask("web", Type.A, false));
    List<String> second = addresses(ask("web", Type.A, false));
    assertThat(first).containsExactlyInAnyOrder("10.88.3.2", "10.88.3.3");
    assertThat(second.getFirst()).isNotEqualTo(first.getFirst());
  }

  @Test
  void unknownSingleLabelIsNxdomainAndOthersFailWithoutForwarders() throws Exception {
    assertThat(ask("nosuch", Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(ask("example.invalid", Type.A, false).getRcode()).isEqualTo(Rcode.SERVFAIL);
    Message aaaa = ask("web-1", Type.AAAA, false);
    assertThat(aaaa.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(aaaa.getSection(Section.ANSWER)).isEmpty();
  }

  @Test
  void otherNamesAreForwardedUpstream() throws Exception {
    // the upstream is a second embedded server on 127.0.0.1 that knows one dotted name
    DnsNames upstreamNames = new DnsNames();
    upstreamNames.add(endpoint("c".repeat(64), "/up", null, "10.1.2.3", List.of("db.example")));
    try (DnsServer upstream = new DnsServer(InetAddress.getLoopbackAddress(), 0, upstreamNames, List.of());
        DnsServer front = new DnsServer(InetAddress.getLoopbackAddress(), 0, names,
            List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstream.port())))) {
      DnsServer saved = server;
      server = front;
      try {
        assertThat(addresses(ask("db.example", Type.A, false))).containsExactly("10.1.2.3");
        assertThat(addresses(ask("web-1", Type.A, false))).containsExactly("10.88.3.2");
      } finally {
        server = saved;
      }
      // a container's own --dns servers win over the network's: 127.0.0.1 asks the upstream
      names.add(new Endpoint("e", "n", "d".repeat(64), "/local", null, List.of(), "eth0", "127.0.0.1", 8, null,
          null, "/x", List.of(), null, List.of("127.0.0.1")));
      assertThat(names.upstreamsFor(InetAddress.getLoopbackAddress()))
          .containsExactly(new InetSocketAddress(InetAddress.getLoopbackAddress(), 53));
      names.remove("d".repeat(64));
      assertThat(names.upstreamsFor(InetAddress.getLoopbackAddress())).isEmpty();
    }
  }

  @Test
  void removedContainerStopsResolving() throws Exception {
    names.remove(A);
    assertThat(ask("web-1", Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(addresses(ask("web", Type.A, false))).containsExactly("10.88.3.3");
  }
}
