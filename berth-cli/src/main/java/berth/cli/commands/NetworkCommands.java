package berth.cli.commands;

import berth.cli.CliError;
import berth.cli.format.OutputFormat;
import berth.client.JsonTrees;
import berth.client.Query;
import berth.core.errors.BerthException;
import berth.core.errors.NotFound;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code berth network} group: create, ls, inspect, rm, prune, connect, disconnect, with
 * docker's flags, output, messages and exit codes.
 */
public final class NetworkCommands {
  private NetworkCommands() {}

  static String path(String ref) {
    return "/networks/" + URLEncoder.encode(ref, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Command(name = "create", description = "Create a network")
  public static final class Create extends BaseCommand {
    @Parameters(arity = "1", paramLabel = "NETWORK")
    String name;

    @Option(names = {"-d", "--driver"}, paramLabel = "string", description = "Driver to manage the Network")
    String driver = "bridge";

    @Option(names = "--subnet", paramLabel = "strings", description = "Subnet in CIDR format that represents a network segment")
    List<String> subnets = new ArrayList<>();

    @Option(names = "--ip-range", paramLabel = "strings", description = "Allocate container ip from a sub-range")
    List<String> ranges = new ArrayList<>();

    @Option(names = "--gateway", paramLabel = "strings", description = "IPv4 or IPv6 Gateway for the master subnet")
    List<String> gateways = new ArrayList<>();

    @Option(names = "--aux-address", paramLabel = "map", description = "Auxiliary IPv4 or IPv6 addresses used by Network driver")
    List<String> aux = new ArrayList<>();

    @Option(names = "--internal", description = "Restrict external access to the network")
    boolean internal;

    @Option(names = "--attachable", description = "Enable manual container attachment")
    boolean attachable;

    @Option(names = "--label", paramLabel = "list", description = "Set metadata on a network")
    List<String> labels = new ArrayList<>();

    @Option(names = {"-o", "--opt"}, paramLabel = "map", description = "Set driver specific options")
    List<String> opts = new ArrayList<>();

    @Option(names = "--ipv6", description = "Enable or disable IPv6 networking")
    boolean ipv6;

    @Option(names = "--ipam-driver", paramLabel = "string", description = "IP Address Management Driver")
    String ipamDriver = "default";

    @Option(names = "--ipam-opt", paramLabel = "map", description = "Set IPAM driver specific options")
    List<String> ipamOpts = new ArrayList<>();

    @Option(names = "--scope", paramLabel = "string", description = "Control the network's scope")
    String scope = "";

    @Override
    public Integer call() {
      ObjectNode ipam = JsonTrees.object();
      ipam.put("Driver", ipamDriver);
      ipam.set("Options", VolumeCommands.node(VolumeCommands.keyValues(ipamOpts)));
      ArrayNode config = JsonTrees.array();
      try {
        for (Map<String, Object> c : consolidateIpam(subnets, ranges, gateways, VolumeCommands.keyValues(aux))) {
          ObjectNode o = JsonTrees.object();
          o.put("Subnet", (String) c.get("Subnet"));
          if (c.containsKey("IPRange")) {
            o.put("IPRange", (String) c.get("IPRange"));
          }
          if (c.containsKey("Gateway")) {
            o.put("Gateway", (String) c.get("Gateway"));
          }
          @SuppressWarnings("unchecked")
          Map<String, String> a = (Map<String, String>) c.get("AuxiliaryAddresses");
          o.set("AuxiliaryAddresses", VolumeCommands.node(a));
          config.add(o);
        }
      } catch (IllegalArgumentException e) {
        throw new CliError(e.getMessage(), 1);
      }
      ipam.set("Config", config);
      ObjectNode body = JsonTrees.object();
      body.put("Name", name);
      body.put("Driver", driver);
      body.put("Scope", scope);
      if (ipv6) {
        body.put("EnableIPv6", true);
      }
      body.set("IPAM", ipam);
      body.put("Internal", internal);
      body.put("Attachable", attachable);
      body.put("Ingress", false);
      body.put("ConfigOnly", false);
      body.set("Options", VolumeCommands.node(VolumeCommands.keyValues(opts)));
      body.set("Labels", VolumeCommands.node(VolumeCommands.keyValues(labels)));
      JsonNode res = client().postJson("/networks/create", null, body);
      out().println(res.path("Id").asText());
      return 0;
    }
  }

  /**
   * Docker CLI's consolidateIpam: one pool per subnet, every range, gateway and aux address
   * matched to exactly one subnet, with the CLI's own messages.
   */
  static List<Map<String, Object>> consolidateIpam(List<String> subnets, List<String> ranges, List<String> gateways,
      Map<String, String> aux) {
    if (subnets.size() < ranges.size() || subnets.size() < gateways.size()) {
      throw new IllegalArgumentException("every ip-range or gateway must have a corresponding subnet");
    }
    Map<String, Map<String, Object>> data = new LinkedHashMap<>();
    for (String s : subnets) {
      for (String k : data.keySet()) {
        if (subnetMatches(s, k) || subnetMatches(k, s)) {
          throw new IllegalArgumentException("multiple overlapping subnet configuration is not supported");
        }
      }
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("Subnet", s);
      c.put("AuxiliaryAddresses", new LinkedHashMap<String, String>());
      data.put(s, c);
    }
    for (String r : ranges) {
      boolean match = false;
      for (String s : subnets) {
        if (!subnetMatches(s, r)) {
          continue;
        }
        Map<String, Object> c = data.get(s);
        if (c.containsKey("IPRange")) {
          throw new IllegalArgumentException("cannot configure multiple ranges (" + r + ", " + c.get("IPRange")
              + ") on the same subnet (" + s + ")");
        }
        c.put("IPRange", r);
        match = true;
      }
      if (!match) {
        throw new IllegalArgumentException("no matching subnet for range " + r);
      }
    }
    for (String g : gateways) {
      boolean match = false;
      for (String s : subnets) {
        if (!subnetMatches(s, g)) {
          continue;
        }
        Map<String, Object> c = data.get(s);
        if (c.containsKey("Gateway")) {
          throw new IllegalArgumentException("cannot configure multiple gateways (" + g + ", " + c.get("Gateway")
              + ") for the same subnet (" + s + ")");
        }
        c.put("Gateway", g);
        match = true;
      }
      if (!match) {
        throw new IllegalArgumentException("no matching subnet for gateway " + g);
      }
    }
    for (Map.Entry<String, String> a : aux.entrySet()) {
      boolean match = false;
      for (String s : subnets) {
        if (!subnetMatches(s, a.getValue())) {
          continue;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> m = (Map<String, String>) data.get(s).get("AuxiliaryAddresses");
        m.put(a.getKey(), a.getValue());
        match = true;
      }
      if (!match) {
        throw new IllegalArgumentException("no matching subnet for aux-address " + a.getValue());
      }
    }
    return new ArrayList<>(data.values());
  }

  /** Whether {@code subnet} (CIDR) contains the address of {@code data} (an address or a CIDR). */
  static boolean subnetMatches(String subnet, String data) {
    byte[] net;
    int bits;
    try {
      int slash = subnet.indexOf('/');
      if (slash < 0) {
        throw new IllegalArgumentException("invalid subnet: invalid CIDR address: " + subnet);
      }
      net = parseIp(subnet.substring(0, slash));
      bits = Integer.parseInt(subnet.substring(slash + 1));
      if (net == null || bits < 0 || bits > net.length * 8) {
        throw new IllegalArgumentException("invalid subnet: invalid CIDR address: " + subnet);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid subnet: invalid CIDR address: " + subnet);
    }
    byte[] ip;
    if (data.contains("/")) {
      ip = parseIp(data.substring(0, data.indexOf('/')));
      if (ip == null) {
        throw new IllegalArgumentException("invalid CIDR address: " + data);
      }
    } else {
      ip = parseIp(data);
      if (ip == null) {
        return false;
      }
    }
    if (ip.length != net.length) {
      return false;
    }
    BigInteger mask = BigInteger.ONE.shiftLeft(net.length * 8).subtract(BigInteger.ONE)
        .xor(BigInteger.ONE.shiftLeft(net.length * 8 - bits).subtract(BigInteger.ONE));
    return new BigInteger(1, ip).and(mask).equals(new BigInteger(1, net).and(mask));
  }

  /** A literal IPv4 or IPv6 address, never a host name; null when it is not one. */
  static byte[] parseIp(String s) {
    if (s.isEmpty()) {
      return null;
    }
    if (s.contains(":")) {
      if (!s.matches("[0-9a-fA-F:.]+")) {
        return null;
      }
    } else if (!s.matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
      return null;
    } else {
      for (String p : s.split("\\.")) {
        if (Integer.parseInt(p) > 255) {
          return null;
        }
      }
    }
    try {
      return InetAddress.getByName(s).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  @Command(name = "ls", description = "List networks")
  public static final class Ls extends BaseCommand {
    static final String TABLE = "{{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}";

    @Option(names = {"-f", "--filter"}, paramLabel = "filter", description = "Provide filter values (e.g. \"driver=bridge\")")
    List<String> filter = new ArrayList<>();

    @Option(names = "--format", paramLabel = "string", description = "Format output using a custom template")
    String format;

    @Option(names = {"-q", "--quiet"}, description = "Only display network IDs")
    boolean quiet;

    @Option(names = "--no-trunc", description = "Do not truncate the output")
    boolean noTrunc;

    @Override
    public Integer call() {
      JsonNode res = client().getJson("/networks", Query.of().filters(filters(filter)));
      List<JsonNode> nets = new ArrayList<>();
      res.forEach(nets::add);
      nets.sort((a, b) -> naturalLess(a.path("Name").asText(), b.path("Name").asText()));
      List<Map<String, Object>> rows = new ArrayList<>();
      for (JsonNode n : nets) {
        rows.add(row(n, noTrunc));
      }
      out().print(OutputFormat.of(quiet ? "{{.ID}}" : format, TABLE).render(header(), rows));
      return 0;
    }

    static Map<String, Object> header() {
      Map<String, Object> h = new TreeMap<>();
      h.put("ID", "NETWORK ID");
      h.put("Name", "NAME");
      h.put("Driver", "DRIVER");
      h.put("Scope", "SCOPE");
      h.put("IPv4", "IPV4");
      h.put("IPv6", "IPV6");
      h.put("Internal", "INTERNAL");
      h.put("Labels", "LABELS");
      h.put("CreatedAt", "CREATED AT");
      return h;
    }

    static Map<String, Object> row(JsonNode n, boolean noTrunc) {
      Map<String, Object> r = new TreeMap<>();
      String id = n.path("Id").asText();
      r.put("ID", noTrunc || id.length() <= 12 ? id : id.substring(0, 12));
      r.put("Name", n.path("Name").asText());
      r.put("Driver", n.path("Driver").asText());
      r.put("Scope", n.path("Scope").asText());
      r.put("IPv4", String.valueOf(n.path("EnableIPv4").asBoolean(true)));
      r.put("IPv6", String.valueOf(n.path("EnableIPv6").asBoolean()));
      r.put("Internal", String.valueOf(n.path("Internal").asBoolean()));
      List<String> labels = new ArrayList<>();
      n.path("Labels").properties().forEach(e -> labels.add(e.getKey() + "=" + e.getValue().asText()));
      r.put("Labels", String.join(",", labels));
      r.put("CreatedAt", goTime(n.path("Created").asText()));
      return r;
    }
  }

  /** Go's {@code time.Time.String()} of an RFC 3339 time, in the local zone. */
  static String goTime(String rfc3339) {
    try {
      ZonedDateTime t = Instant.parse(rfc3339).atZone(ZoneId.systemDefault());
      String frac = t.getNano() == 0 ? "" : ("." + String.format("%09d", t.getNano())).replaceAll("0+$", "");
      return t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")) + frac + " "
          + t.format(DateTimeFormatter.ofPattern("xx z"));
    } catch (RuntimeException e) {
      return rfc3339;
    }
  }

  /** Docker's sortorder.NaturalLess as a comparator: digit runs compare by value. */
  static int naturalLess(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int si = i;
        int sj = j;
        while (i < a.length() && Character.isDigit(a.charAt(i))) {
          i++;
        }
        while (j < b.length() && Character.isDigit(b.charAt(j))) {
          j++;
        }
        String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
        String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
        int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
        if (c != 0) {
          return c;
        }
      } else {
        if (ca != cb) {
          return Character.compare(ca, cb);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  @Command(name = "inspect", description = "Display detailed information on one or more networks")
  public static final class Inspect extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "NETWORK")
    List<String> refs;

    @Option(names = {"-f", "--format"}, paramLabel = "string", description = "Format output using a custom template")
    String format;

    @Option(names = {"-v", "--verbose"}, description = "Verbose output for diagnostics")
    boolean verbose;

    @Override
    public Integer call() {
      return inspectEach(refs, format, n -> client().getJson(path(n), Query.of().flag("verbose", verbose)), null);
    }
  }

  @Command(name = "rm", description = "Remove one or more networks")
  public static final class Rm extends BaseCommand {
    @Parameters(arity = "1..*", paramLabel = "NETWORK")
    List<String> refs;

    @Option(names = {"-f", "--force"}, description = "Do not error if the network does not exist")
    boolean force;

    @Override
    public Integer call() {
      int status = 0;
      for (String ref : refs) {
        try {
          client().delete(path(ref), null);
          out().println(ref);
        } catch (NotFound e) {
          if (!force) {
            err().println(describe(e));
            status = 1;
          }
        } catch (BerthException e) {
          err().println(describe(e));
          status = 1;
        }
      }
      if (status != 0) {
        // docker's network rm ends on a status error without a message, which its CLI prints so
        err().println("exit status " + status);
      }
      return status;
    }
  }

  @Command(name = "prune", description = "Remove all unused networks")
  public static final class Prune extends BaseCommand {
    static final String WARNING = "WARNING! This will remove all custom networks not used by at least one container.";

    @Option(names = "--filter", paramLabel = "filter", description = "Provide filter values (e.g. \"until=<timestamp>\")")
    List<String> filter = new ArrayList<>();

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation")
    boolean force;

    @Override
    public Integer call() {
      if (!force && !Prompt.confirm(root().in(), out(), WARNING)) {
        return 0;
      }
      JsonNode res = client().postJson("/networks/prune", Query.of().filters(filters(filter)), null);
      JsonNode deleted = res.path("NetworksDeleted");
      if (deleted.size() > 0) {
        out().println("Deleted Networks:");
        deleted.forEach(n -> out().println(n.asText()));
        out().println();
      }
      return 0;
    }
  }

  @Command(name = "connect", description = "Connect a container to a network")
  public static final class Connect extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NETWORK")
    String network;

    @Parameters(index = "1", paramLabel = "CONTAINER")
    String container;

    @Option(names = "--ip", paramLabel = "ip", description = "IPv4 address (e.g., \"172.30.100.104\")")
    String ip;

    @Option(names = "--ip6", paramLabel = "ip", description = "IPv6 address (e.g., \"2001:db8::33\")")
    String ip6;

    @Option(names = "--alias", paramLabel = "strings", description = "Add network-scoped alias for the container")
    List<String> aliases = new ArrayList<>();

    @Option(names = "--link", paramLabel = "list", description = "Add link to another container")
    List<String> links = new ArrayList<>();

    @Option(names = "--link-local-ip", paramLabel = "strings", description = "Add a link-local address for the container")
    List<String> linkLocal = new ArrayList<>();

    @Option(names = "--driver-opt", paramLabel = "strings", description = "driver options for the network")
    List<String> driverOpts = new ArrayList<>();

    @Override
    public Integer call() {
      for (String l : links) {
        validateLink(l);
      }
      ObjectNode ipam = JsonTrees.object();
      ipam.put("IPv4Address", ip == null ? "" : ip);
      ipam.put("IPv6Address", ip6 == null ? "" : ip6);
      ArrayNode ll = ipam.putArray("LinkLocalIPs");
      linkLocal.forEach(ll::add);
      ObjectNode ep = JsonTrees.object();
      ep.set("IPAMConfig", ipam);
      ArrayNode ln = ep.putArray("Links");
      links.forEach(ln::add);
      ArrayNode al = ep.putArray("Aliases");
      aliases.forEach(al::add);
      ep.set("DriverOpts", VolumeCommands.node(VolumeCommands.keyValues(driverOpts)));
      ObjectNode body = JsonTrees.object();
      body.put("Container", container);
      body.set("EndpointConfig", ep);
      client().post(path(network) + "/connect", null, body).close();
      return 0;
    }

    /** Docker's opts.ValidateLink: {@code name[:alias]}, both parts non-empty. */
    static void validateLink(String l) {
      if (l.isEmpty()) {
        throw new CliError("invalid argument \"\" for \"--link\" flag: empty string specified for links", 125);
      }
      String[] parts = l.split(":", -1);
      if (parts.length > 2 || parts[0].isEmpty() || parts.length == 2 && parts[1].isEmpty()) {
        throw new CliError("invalid argument \"" + l + "\" for \"--link\" flag: bad format for links: " + l, 125);
      }
    }
  }

  @Command(name = "disconnect", description = "Disconnect a container from a network")
  public static final class Disconnect extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NETWORK")
    String network;

    @Parameters(index = "1", paramLabel = "CONTAINER")
    String container;

    @Option(names = {"-f", "--force"}, description = "Force the container to disconnect from a network")
    boolean force;

    @Override
    public Integer call() {
      ObjectNode body = JsonTrees.object();
      body.put("Container", container);
      body.put("Force", force);
      client().post(path(network) + "/disconnect", null, body).close();
      return 0;
    }
  }
}
