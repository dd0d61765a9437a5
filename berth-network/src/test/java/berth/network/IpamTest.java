package berth.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.Forbidden;
import berth.core.errors.InvalidArgument;
import berth.core.errors.Unavailable;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpamTest {
  private final Ipam ipam = new Ipam(AddressPool.DEFAULTS);

  @ParameterizedTest
  @CsvSource({"10.1.2.3/16,10.1.0.0/16", "192.168.1.0/24,192.168.1.0/24", "0.0.0.0/0,0.0.0.0/0",
      "10.0.0.1/32,10.0.0.1/32", "fd00::1/64,fd00::/64", "2001:db8:0:1::/64,2001:db8:0:1::/64", "::/0,::/0",
      "2001:db8::1:0:0:1/128,2001:db8::1:0:0:1/128", "fd00:1:2:3:4:5:6:7/128,fd00:1:2:3:4:5:6:7/128"})
  void cidrClearsHostBits(String in, String out) {
    assertThat(Cidr.parse(in).toString()).isEqualTo(out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0", "10.0.0.0/33", "foo/8", "10.0.0/8", "10.0.0.0/-1", "example.com/24", ""})
  void badCidrsNameThemselves(String in) {
    assertThatThrownBy(() -> Cidr.parse(in)).isInstanceOf(InvalidArgument.class)
        .hasMessage("invalid CIDR address: " + in);
  }

  @Test
  void aBadSubnetIsNamedAsDockerNamesIt() {
    assertThatThrownBy(() -> new Ipam(AddressPool.DEFAULTS).resolve(IpamConfig.of("10.1.300.0/24"), List.of()))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("Invalid subnet 10.1.300.0/24 : invalid CIDR address: 10.1.300.0/24");
  }

  @Test
  void automaticSubnetSkipsHostRoutesAndOtherNetworks() {
    List<Cidr> taken = List.of(Cidr.parse("10.88.0.0/23"), Cidr.parse("10.88.2.0/24"), Cidr.parse("192.0.2.0/24"));
    IpamConfig c = ipam.resolve(null, taken);
    assertThat(c.subnet()).isEqualTo("10.88.3.0/24");
    assertThat(c.gateway()).isEqualTo("10.88.3.1");
  }

  @Test
  void aRouteCoveringThePoolExhaustsIt() {
    assertThatThrownBy(() -> ipam.resolve(null, List.of(Cidr.parse("10.0.0.0/8"))))
        .isInstanceOf(Unavailable.class).hasMessageContaining("non-overlapping IPv4 address pool");
  }

  @Test
  void overlapIsRefusedWithDockersMessage() {
    assertThatThrownBy(() -> ipam.resolve(IpamConfig.of("10.5.0.0/16"), List.of(Cidr.parse("10.5.3.0/24"))))
        .isInstanceOf(Forbidden.class).hasMessage("Pool overlaps with other one on this address space");
  }

  @Test
  void userPoolIsChecked() {
    assertThatThrownBy(() -> ipam.resolve(new IpamConfig("10.5.0.0/16", null, "10.6.0.1", null), List.of()))
        .hasMessage("no matching subnet for gateway 10.6.0.1");
    assertThatThrownBy(() -> ipam.resolve(new IpamConfig("10.5.0.0/16", "10.7.0.0/24", null, null), List.of()))
        .hasMessage("no matching subnet for range 10.7.0.0/24");
    assertThatThrownBy(() -> ipam.resolve(new IpamConfig("10.5.0.0/16", null, null, Map.of("a", "10.9.0.1")), List.of()))
        .hasMessage("no matching subnet for aux-address 10.9.0.1");
    IpamConfig ok = ipam.resolve(new IpamConfig("10.5.0.0/16", "10.5.1.0/24", "10.5.0.254", null), List.of());
    assertThat(ok).isEqualTo(new IpamConfig("10.5.0.0/16", "10.5.1.0/24", "10.5.0.254", Map.of()));
  }

  @Test
  void addressesSkipGatewayAuxAndLeases() throws Exception {
    IpamConfig pool = new IpamConfig("10.5.0.0/24", null, "10.5.0.1", Map.of("x", "10.5.0.2"));
    Set<InetAddress> leased = Set.of(InetAddress.getByName("10.5.0.3"));
    assertThat(Ipam.allocateAddress("n", pool, leased, null).getHostAddress()).isEqualTo("10.5.0.4");
  }

  @Test
  void explicitAddressMustBeInsideAndFree() throws Exception {
    IpamConfig pool = new IpamConfig("10.5.0.0/24", null, "10.5.0.1", null);
    Set<InetAddress> leased = Set.of(InetAddress.getByName("10.5.0.9"));
    assertThat(Ipam.allocateAddress("n", pool, leased, InetAddress.getByName("10.5.0.77")).getHostAddress())
        .isEqualTo("10.5.0.77");
    assertThatThrownBy(() -> Ipam.allocateAddress("n", pool, leased, InetAddress.getByName("10.5.0.9")))
        .isInstanceOf(Forbidden.class).hasMessage("Address already in use");
    assertThatThrownBy(() -> Ipam.allocateAddress("n", pool, leased, InetAddress.getByName("10.6.0.9")))
        .hasMessage("invalid address 10.6.0.9: It does not belong to any of this network's subnets");
  }

  @Test
  void fullRangeIsReported() throws Exception {
    IpamConfig pool = new IpamConfig("10.5.0.0/30", null, "10.5.0.1", null);
    Set<InetAddress> leased = Set.of(InetAddress.getByName("10.5.0.2"));
    assertThatThrownBy(() -> Ipam.allocateAddress("n (id)", pool, leased, null))
        .isInstanceOf(Unavailable.class)
        .hasMessage("no available IPv4 addresses on this network's address pools: n (id)");
  }

  /** Property: allocating until full gives distinct in-range usable addresses, exactly as many as exist. */
  @Test
  void allocationFillsARangeWithDistinctUsableAddresses() {
    Random rnd = new Random(42);
    for (int round = 0; round < 50; round++) {
      int prefix = 24 + rnd.nextInt(6);
      Cidr subnet = new Cidr(Cidr.parse("10.77." + rnd.nextInt(256) + ".0/24").base(), prefix, 32);
      subnet = Cidr.parse(subnet.toString());
      IpamConfig pool = Ipam.validate(IpamConfig.of(subnet.toString()), subnet);
      Set<InetAddress> leased = new HashSet<>();
      // release some at random along the way: freed addresses come back
      List<InetAddress> order = new ArrayList<>();
      while (true) {
        InetAddress a;
        try {
          a = Ipam.allocateAddress("n", pool, leased, null);
        } catch (Unavailable full) {
          break;
        }
        assertThat(subnet.contains(a)).isTrue();
        assertThat(a.getHostAddress()).isNotEqualTo(pool.gateway());
        assertThat(Cidr.toInt(a)).isNotEqualTo(subnet.base()).isNotEqualTo(subnet.last());
        assertThat(leased.add(a)).as("distinct").isTrue();
        order.add(a);
        if (rnd.nextInt(5) == 0) {
          InetAddress gone = order.remove(rnd.nextInt(order.size()));
          leased.remove(gone);
          assertThat(Ipam.allocateAddress("n", pool, leased, null)).isEqualTo(lowestFree(subnet, pool, leased));
        }
      }
      assertThat(leased).hasSize(subnet.size().intValue() - 3);
    }
  }

  private static InetAddress lowestFree(Cidr subnet, IpamConfig pool, Set<InetAddress> leased) {
    for (long i = 1; ; i++) {
      InetAddress a = subnet.at(i);
      if (!leased.contains(a) && !a.getHostAddress().equals(pool.gateway())) {
        return a;
      }
    }
  }

  /** Property: automatic subnets never overlap anything taken, and never each other. */
  @Test
  void automaticSubnetsNeverOverlap() {
    Random rnd = new Random(7);
    List<Cidr> taken = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      taken.add(Cidr.parse("10." + (88 + rnd.nextInt(8)) + "." + rnd.nextInt(256) + ".0/" + (16 + rnd.nextInt(9))));
    }
    for (int i = 0; i < 100; i++) {
      Cidr c = ipam.allocateSubnet(taken);
      assertThat(taken).noneMatch(t -> t.overlaps(c));
      taken.add(c);
    }
  }

  @Test
  void routesAreParsed() {
    String out = "default via 192.0.2.1 dev eth0\n192.0.2.0/24 dev eth0 proto kernel scope link src 192.0.2.2\n"
        + "10.9.9.9 dev tun0\nblackhole 10.3.0.0/16\n";
    assertThat(Ipam.parseRoutes(out)).containsExactly(Cidr.parse("192.0.2.0/24"), Cidr.parse("10.9.9.9/32"));
  }
}
