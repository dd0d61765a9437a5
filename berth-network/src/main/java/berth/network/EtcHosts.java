package berth.network;

import berth.core.errors.InvalidArgument;
import java.util.List;

/**
 * The container's /etc/hosts in Docker's layout: the localhost block, {@code --add-host} entries
 * (with {@code host-gateway} replaced by the host's address on the container's network), legacy
 * {@code --link} entries, then the container's own address and hostname.
 */
public final class EtcHosts {
  static final String DEFAULTS = """
      127.0.0.1\tlocalhost
      ::1\tlocalhost ip6-localhost ip6-loopback
      fe00::0\tip6-localnet
      ff00::0\tip6-mcastprefix
      ff02::1\tip6-allnodes
      ff02::2\tip6-allrouters
      """;

  private EtcHosts() {}

  /** A {@code --link}: the linked container's address, its alias and names. */
  public record Link(String ip, List<String> names) {}

  /**
   * @param extraHosts {@code name:ip} as given to {@code --add-host} (also {@code name=ip})
   * @param hostGatewayIp what {@code host-gateway} stands for
   * @param ownIp the container's address, or null with {@code --network none}/host
   */
  public static String render(String hostname, String domainname, String ownIp, List<String> extraHosts,
      String hostGatewayIp, List<Link> links) {
    return renderAll(hostname, domainname, ownIp == null ? List.of() : List.of(ownIp), extraHosts, hostGatewayIp,
        links);
  }

  /**
   * As {@link #render}, with one line for each of the container's addresses, in the order it
   * joined its networks (Docker adds a network's line at connect and drops it at disconnect).
   * With no address at all (disconnected from everything) {@code host-gateway} entries are left out.
   */
  public static String renderAll(String hostname, String domainname, List<String> ownIps, List<String> extraHosts,
      String hostGatewayIp, List<Link> links) {
    StringBuilder b = new StringBuilder(DEFAULTS);
    for (String h : extraHosts) {
      int sep = h.indexOf(':') >= 0 && (h.indexOf('=') < 0 || h.indexOf(':') < h.indexOf('=')) ? h.indexOf(':') : h.indexOf('=');
      if (sep <= 0 || sep == h.length() - 1) {
        throw new InvalidArgument("invalid argument \"" + h + "\" for \"--add-host\" flag: bad format for add-host: \"" + h + "\"");
      }
      String ip = h.substring(sep + 1);
      if (ip.equals("host-gateway")) {
        if (hostGatewayIp == null) {
          continue;
        }
        ip = hostGatewayIp;
      } else {
        ip = Cidr.format(Cidr.address(ip.startsWith("[") ? ip.substring(1, ip.length() - 1) : ip));
      }
      b.append(ip).append('\t').append(h, 0, sep).append('\n');
    }
    for (Link l : links) {
      b.append(l.ip()).append('\t').append(String.join(" ", l.names())).append('\n');
    }
    String fqdn = domainname == null || domainname.isEmpty() ? hostname : hostname + "." + domainname;
    for (String ownIp : ownIps) {
      b.append(ownIp).append('\t').append(fqdn.equals(hostname) ? hostname : fqdn + " " + hostname).append('\n');
    }
    return b.toString();
  }
}
