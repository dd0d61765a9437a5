package berth.testkit;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A test daemon's private piece of the network: one /20 of 10.88.0.0/13 (the default bridge on its
 * first /24, user networks from the rest), its own bridge device name, claimed by a file under
 * /tmp/berth-netslots holding the claiming JVM's pid, so daemons of parallel test runs, of other
 * helpers and a real /run/berth daemon never share a subnet, a bridge or a DNS address.
 */
final class NetSlot {
  private static final Path DIR = Path.of("/tmp/berth-netslots");
  private static final int SLOTS = 128;

  final int index;
  private final Path claim;

  private NetSlot(int index, Path claim) {
    this.index = index;
    this.claim = claim;
  }

  /** 10.88.0.0/13 cut in /20 blocks: block i starts at 10.(88 + i/16).((i%16)*16).0. */
  String base() {
    return "10." + (88 + index / 16) + "." + (index % 16) * 16 + ".0";
  }

  String pool() {
    return base() + "/20";
  }

  String bip() {
    return "10." + (88 + index / 16) + "." + (index % 16) * 16 + ".1/24";
  }

  String bridge() {
    return "bt" + index + "x" + ProcessHandle.current().pid() % 100000;
  }

  /** daemon.json content giving berthd this slot. */
  String daemonJson() {
    return "{\"bip\": \"" + bip() + "\", \"bridge\": \"" + bridge() + "\", \"default-address-pools\": "
        + "[{\"base\": \"" + pool() + "\", \"size\": 24}]}\n";
  }

  static NetSlot claim() {
    try {
      Files.createDirectories(DIR);
    } catch (IOException e) {
      throw new IllegalStateException("create " + DIR, e);
    }
    String routes = routes();
    int start = ThreadLocalRandom.current().nextInt(SLOTS);
    for (int k = 0; k < SLOTS; k++) {
      int i = (start + k) % SLOTS;
      Path f = DIR.resolve(String.valueOf(i));
      reclaimIfStale(f);
      NetSlot s = new NetSlot(i, f);
      if (overlapsRoute(i, routes)) {
        continue;
      }
      try {
        Files.writeString(Files.createFile(f), String.valueOf(ProcessHandle.current().pid()));
        return s;
      } catch (FileAlreadyExistsException taken) {
        // another daemon has it
      } catch (IOException e) {
        throw new IllegalStateException("claim " + f, e);
      }
    }
    throw new IllegalStateException("no free test network slot in 10.88.0.0/13");
  }

  /** Whether any route's destination lies in this slot's /20. */
  private static boolean overlapsRoute(int i, String routes) {
    int second = 88 + i / 16;
    int lo = (i % 16) * 16;
    for (String line : routes.split("\n")) {
      String dst = line.strip().split("\\s+")[0];
      String[] p = dst.split("/")[0].split("\\.");
      if (p.length == 4 && p[0].equals("10") && Integer.parseInt(p[1]) == second) {
        int third = Integer.parseInt(p[2]);
        int len = dst.contains("/") ? Integer.parseInt(dst.split("/")[1]) : 32;
        if (len <= 16 || third >= lo && third < lo + 16) {
          return true;
        }
      }
    }
    return false;
  }

  private static void reclaimIfStale(Path f) {
    try {
      long pid = Long.parseLong(Files.readString(f).strip());
      if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        return;
      }
      Files.deleteIfExists(f);
    } catch (IOException | NumberFormatException e) {
      // absent or being written
    }
  }

  private static String routes() {
    try {
      Process p = new ProcessBuilder("ip", "-4", "route", "show").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      p.waitFor();
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** Leftovers of this daemon's networking: veths on its bridges, namespaces, the bridge itself. */
  List<String> leaks(Path netnsDir, List<String> userBridges) {
    List<String> out = new ArrayList<>();
    List<String> bridges = new ArrayList<>(userBridges);
    bridges.add(bridge());
    for (String b : bridges) {
      String veths = run("ip", "-o", "link", "show", "master", b);
      if (!veths.isBlank() && !veths.contains("does not exist")) {
        out.add("interfaces left on bridge " + b + ": " + veths.strip());
      }
    }
    for (String b : userBridges) {
      if (run("ip", "-o", "link", "show", b).contains(b + ":")) {
        out.add("user network bridge left behind: " + b);
      }
      rulesFor(b).forEach(r -> out.add("iptables rule left behind: " + r));
    }
    try (var s = Files.list(netnsDir)) {
      s.forEach(p -> out.add("network namespace left behind: " + p));
    } catch (IOException absent) {
      // no namespace was ever made
    }
    return out;
  }

  /** Removes the default bridge (berthd keeps it across restarts) and gives the slot back. */
  void release() {
    run("ip", "link", "del", bridge());
    // the default bridge's isolation rules stay while berthd lives (it reuses them after a restart)
    for (String rule : rulesFor(bridge())) {
      List<String> cmd = new ArrayList<>(List.of("iptables", "-w", "-D"));
      cmd.addAll(List.of(rule.substring(3).split(" ")));
      run(cmd.toArray(String[]::new));
    }
    try {
      Files.deleteIfExists(claim);
    } catch (IOException ignored) {
      // reclaimed as stale later
    }
  }

  /** iptables-save lines ({@code -A ...}) of the filter and nat tables that name bridge {@code b}. */
  private static List<String> rulesFor(String b) {
    List<String> out = new ArrayList<>();
    for (String table : List.of("filter", "nat")) {
      for (String line : run("iptables-save", "-t", table).split("\n")) {
        if (line.startsWith("-A ") && (line.contains(" " + b + " ") || line.endsWith(" " + b))) {
          out.add(line);
        }
      }
    }
    return out;
  }

  private static String run(String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      p.waitFor();
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
