package berth.network;

import java.util.ArrayList;
import java.util.List;

/**
 * The container's /etc/resolv.conf, built as Docker builds it: the host's file with loopback
 * nameservers dropped (they mean nothing inside a namespace; Google's public servers stand in if
 * none remain), or {@code --dns}/{@code --dns-search}/{@code --dns-option} where given. On a
 * user-defined network the only nameserver is the embedded DNS server on the gateway and the host's
 * servers become its forwarders.
 */
public record ResolvConf(List<String> nameservers, List<String> search, List<String> options) {
  static final List<String> FALLBACK = List.of("8.8.8.8", "8.8.4.4");

  public static ResolvConf parse(String text) {
    List<String> ns = new ArrayList<>();
    List<String> search = new ArrayList<>();
    List<String> opts = new ArrayList<>();
    for (String line : text.split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 2 || f[0].startsWith("#") || f[0].startsWith(";")) {
        continue;
      }
      List<String> rest = List.of(f).subList(1, f.length);
      switch (f[0]) {
        case "nameserver" -> ns.add(f[1]);
        case "search", "domain" -> {
          search.clear();
          search.addAll(rest);
        }
        case "options" -> opts.addAll(rest);
        default -> { }
      }
    }
    return new ResolvConf(ns, search, opts);
  }

  /** The host's nameservers usable from a container namespace. */
  public List<String> externalNameservers() {
    List<String> out = nameservers.stream()
        .filter(n -> !n.startsWith("127.") && !n.equals("::1")).toList();
    return out.isEmpty() ? FALLBACK : out;
  }

  /**
   * The container's file. {@code embeddedDns} is the gateway address on a user-defined network,
   * null on the default bridge. Empty {@code dns}/{@code dnsSearch}/{@code dnsOptions} keep the
   * host's; a search list of just "." means none.
   */
  public ResolvConf forContainer(String embeddedDns, List<String> dns, List<String> dnsSearch,
      List<String> dnsOptions) {
    List<String> ns;
    if (embeddedDns != null) {
      ns = List.of(embeddedDns);
    } else {
      ns = dns.isEmpty() ? externalNameservers() : dns;
    }
    List<String> s = dnsSearch.isEmpty() ? search : dnsSearch.equals(List.of(".")) ? List.of() : dnsSearch;
    List<String> o = dnsOptions.isEmpty() ? options : dnsOptions;
    if (embeddedDns != null && o.stream().noneMatch(x -> x.startsWith("ndots:"))) {
      // as Docker: names with dots go straight to the server instead of through the search list
      o = new ArrayList<>(o);
      o.add("ndots:0");
    }
    return new ResolvConf(ns, s, o);
  }

  public String render() {
    StringBuilder b = new StringBuilder();
    if (!search.isEmpty()) {
      b.append("search ").append(String.join(" ", search)).append('\n');
    }
    nameservers.forEach(n -> b.append("nameserver ").append(n).append('\n'));
    if (!options.isEmpty()) {
      b.append("options ").append(String.join(" ", options)).append('\n');
    }
    return b.toString();
  }
}
