package berth.network;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The bridge plugin's per-container nat chain for {@code ipMasq}. Its DEL removes the chain only
 * when it still finds the container's namespace; after a crash the namespace is gone and the
 * chain would stay forever. Berth removes it itself after every DEL, naming it as the plugins do
 * (CNI plugins' utils.FormatChainName: "CNI-" + sha512(network name + container id), 28 chars).
 */
final class MasqueradeRules {
  private MasqueradeRules() {}

  static String chainName(String cniNetworkName, String containerId) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-512")
          .digest((cniNetworkName + containerId).getBytes(StandardCharsets.UTF_8));
      return ("CNI-" + HexFormat.of().formatHex(h)).substring(0, 28);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Idempotent: does nothing when the plugin already cleaned up. */
  static void remove(String cniNetworkName, String containerId, String ip) {
    String chain = chainName(cniNetworkName, containerId);
    String comment = "name: \"" + cniNetworkName + "\" id: \"" + containerId + "\"";
    while (Command.quiet("iptables", "-w", "-t", "nat", "-D", "POSTROUTING", "-s", ip + "/32",
        "-m", "comment", "--comment", comment, "-j", chain)) {
      // every copy
    }
    if (Command.quiet("iptables", "-w", "-t", "nat", "-n", "-L", chain)) {
      Command.quiet("iptables", "-w", "-t", "nat", "-F", chain);
      Command.quiet("iptables", "-w", "-t", "nat", "-X", chain);
    }
  }
}
