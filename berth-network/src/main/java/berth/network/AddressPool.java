package berth.network;

/**
 * One entry of daemon.json's {@code default-address-pools}: networks of {@code size} bits carved
 * from {@code base}, first free first.
 */
public record AddressPool(Cidr base, int size) {
  public AddressPool {
    if (size < base.prefix() || size > base.bits()) {
      throw new berth.core.errors.InvalidArgument(
          "invalid pool request: size " + size + " does not fit base " + base);
    }
  }

  public static AddressPool of(String base, int size) {
    return new AddressPool(Cidr.parse(base), size);
  }

  /**
   * Berth's default pool. 10.88.0.0/13 in /24s: clear of Docker's 172.17-31 (a Docker daemon may
   * run beside us) and of the 192.168 ranges home and office LANs use; Podman's default
   * network sits in the same block. The default bridge takes the first free /24 (10.88.0.0/24
   * unless a host route covers it); 2048 networks before the pool runs out.
   */
  public static final java.util.List<AddressPool> DEFAULTS = java.util.List.of(of("10.88.0.0/13", 24));
}
