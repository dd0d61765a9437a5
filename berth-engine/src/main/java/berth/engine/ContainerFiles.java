package berth.engine;

import berth.api.model.HostConfig;
import berth.core.errors.InvalidArgument;
import berth.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files the engine writes for a container and binds over its /etc: hostname, hosts,
 * resolv.conf, in {@code data-root/containers/<id>/} beside conmon's log {@code ctr.log}.
 */
public final class ContainerFiles {
  private static final String HOSTS = """
      127.0.0.1\tlocalhost
      ::1\tlocalhost ip6-localhost ip6-loopback
      fe00::0\tip6-localnet
      ff00::0\tip6-mcastprefix
      ff02::1\tip6-allnodes
      ff02::2\tip6-allrouters
      """;

  private final Path dir;

  public ContainerFiles(Path containersDir, String id) {
    this.dir = containersDir.resolve(id);
  }

  public Path dir() {
    return dir;
  }

  public Path hostname() {
    return dir.resolve("hostname");
  }

  public Path hosts() {
    return dir.resolve("hosts");
  }

  public Path resolvConf() {
    return dir.resolve("resolv.conf");
  }

  public Path log() {
    return dir.resolve("ctr.log");
  }

  /** Writes the three files for a start; host networking copies the host's hosts and resolv.conf. */
  public void write(String hostname, HostConfig h, boolean hostNetwork) throws IOException {
    Files.createDirectories(dir);
    AtomicFiles.write(hostname(), (hostname + "\n").getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(hosts(), hostsFile(h, hostNetwork).getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(resolvConf(), resolvFile(h, hostNetwork).getBytes(StandardCharsets.UTF_8));
    // world-readable like Docker's: the container's user may not be root
    for (Path p : java.util.List.of(hostname(), hosts(), resolvConf())) {
      Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /** Writes hostname, hosts and resolv.conf rendered by the networking seam (own namespace). */
  public void writeNetworkFiles(String hostname, String hosts, String resolv) throws IOException {
    Files.createDirectories(dir);
    AtomicFiles.write(hostname(), (hostname + "\n").getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(hosts(), hosts.getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(resolvConf(), resolv.getBytes(StandardCharsets.UTF_8));
    for (Path p : java.util.List.of(hostname(), hosts(), resolvConf())) {
      Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /**
   * Rewrites hosts and resolv.conf of a running container: truncated and written over the same
   * inode, because a rename would leave the container's bind mounts on the old files.
   */
  public void rewriteInPlace(String hosts, String resolv) throws IOException {
    Files.writeString(hosts(), hosts, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.WRITE,
        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.CREATE);
    Files.writeString(resolvConf(), resolv, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.WRITE,
        java.nio.file.StandardOpenOption.TRUNCATE_EXISTING, java.nio.file.StandardOpenOption.CREATE);
  }

  static String hostsFile(HostConfig h, boolean hostNetwork) throws IOException {
    StringBuilder sb = new StringBuilder();
    Path host = Path.of("/etc/hosts");
    if (hostNetwork && Files.isReadable(host)) {
      sb.append(Files.readString(host));
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
        sb.append('\n');
      }
    } else {
      sb.append(HOSTS);
    }
    if (h.extraHosts() != null) {
      for (String e : h.extraHosts()) {
        int sep = e.indexOf(':') >= 0 && e.indexOf('=') < 0 ? e.indexOf(':') : e.indexOf('=');
        if (sep <= 0) {
          throw new InvalidArgument("invalid IP address in add-host: \"\"");
        }
        String ip = e.substring(sep + 1);
        if (ip.equals("host-gateway")) {
          throw new InvalidArgument("host-gateway is not available yet in Berth");
        }
        if (ip.startsWith("[") && ip.endsWith("]")) {
          ip = ip.substring(1, ip.length() - 1);
        }
        sb.append(ip).append('\t').append(e, 0, sep).append('\n');
      }
    }
    return sb.toString();
  }

  static String resolvFile(HostConfig h, boolean hostNetwork) throws IOException {
    List<String> ns = new ArrayList<>();
    List<String> search = new ArrayList<>();
    List<String> options = new ArrayList<>();
    Path host = Path.of("/etc/resolv.conf");
    if (Files.isReadable(host)) {
      for (String line : Files.readAllLines(host)) {
        String[] f = line.strip().split("\\s+");
        if (f.length < 2) {
          continue;
        }
        switch (f[0]) {
          // localhost resolvers are unreachable from a separate network namespace
          case "nameserver" -> {
            if (hostNetwork || !(f[1].startsWith("127.") || f[1].equals("::1"))) {
              ns.add(f[1]);
            }
          }
          case "search", "domain" -> search.addAll(List.of(f).subList(1, f.length));
          case "options" -> options.addAll(List.of(f).subList(1, f.length));
          default -> { }
        }
      }
    }
    if (h.dns() != null && !h.dns().isEmpty()) {
      ns = h.dns();
    }
    if (h.dnsSearch() != null && !h.dnsSearch().isEmpty()) {
      search = h.dnsSearch();
    }
    if (h.dnsOptions() != null && !h.dnsOptions().isEmpty()) {
      options = h.dnsOptions();
    }
    if (ns.isEmpty()) {
      ns = List.of("8.8.8.8", "8.8.4.4");
    }
    StringBuilder sb = new StringBuilder();
    if (!search.isEmpty()) {
      sb.append("search ").append(String.join(" ", search)).append('\n');
    }
    for (String n : ns) {
      sb.append("nameserver ").append(n).append('\n');
    }
    if (!options.isEmpty()) {
      sb.append("options ").append(String.join(" ", options)).append('\n');
    }
    return sb.toString();
  }
}
