package berth.dockerfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Docker's predefined build args and the "unused build args" warning. */
public final class BuildArgs {
  private BuildArgs() {}

  /**
   * Proxy args every build accepts without an ARG instruction; they are left out of the image
   * history and never reported as unused.
   */
  public static final Set<String> PROXY_ARGS = Set.of(
      "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy",
      "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy");

  /** Platform args set automatically; usable after an {@code ARG NAME} without a value. */
  public static final List<String> PLATFORM_ARGS = List.of(
      "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
      "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT");

  /** Every predefined arg: the proxies and the platform family. */
  public static final Set<String> PREDEFINED = predefined();

  private static Set<String> predefined() {
    var all = new java.util.LinkedHashSet<String>(PROXY_ARGS);
    all.addAll(PLATFORM_ARGS);
    return Set.copyOf(all);
  }

  /**
   * The platform args for a platform {@code os/arch[/variant]} as Docker sets them, e.g.
   * {@code linux/amd64}: TARGETPLATFORM=linux/amd64, TARGETOS=linux, TARGETARCH=amd64,
   * TARGETVARIANT="" (and the same for BUILD*).
   */
  public static Map<String, String> platformArgs(String targetPlatform, String buildPlatform) {
    Map<String, String> out = new LinkedHashMap<>();
    put(out, "TARGET", targetPlatform);
    put(out, "BUILD", buildPlatform);
    return out;
  }

  private static void put(Map<String, String> out, String prefix, String platform) {
    String[] parts = platform.split("/", 3);
    String os = parts[0];
    String arch = parts.length > 1 ? parts[1] : "";
    String variant = parts.length > 2 ? parts[2] : "";
    out.put(prefix + "PLATFORM", platform);
    out.put(prefix + "OS", os);
    out.put(prefix + "ARCH", arch);
    out.put(prefix + "VARIANT", variant);
  }

  /** This machine's platform in Docker's spelling, e.g. {@code linux/amd64} or {@code linux/arm64/v8}. */
  public static String hostPlatform() {
    String arch = switch (System.getProperty("os.arch", "")) {
      case "amd64", "x86_64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      case "arm" -> "arm/v7";
      case "ppc64le" -> "ppc64le";
      case "s390x" -> "s390x";
      case "riscv64" -> "riscv64";
      case "x86", "i386", "i686" -> "386";
      default -> System.getProperty("os.arch");
    };
    return "linux/" + arch;
  }

  /**
   * The build args given by the user that no ARG consumed, sorted, without the proxy args
   * (as the classic builder reports them: a platform arg passed by hand counts like any other).
   *
   * @param given the build args passed to the build
   * @param consumed the names declared by an ARG in a stage that was built (or a meta ARG used)
   */
  public static List<String> unused(Map<String, String> given, Set<String> consumed) {
    List<String> out = new ArrayList<>();
    for (String k : given.keySet()) {
      if (!consumed.contains(k) && !PROXY_ARGS.contains(k)) {
        out.add(k);
      }
    }
    Collections.sort(out);
    return out;
  }

  /**
   * Docker's warning for unused args ({@code [Warning] One or more build-args [a b] were not
   * consumed}), or null when all were used.
   */
  public static String unusedWarning(Map<String, String> given, Set<String> consumed) {
    List<String> left = unused(given, consumed);
    if (left.isEmpty()) {
      return null;
    }
    return "[Warning] One or more build-args [" + String.join(" ", left) + "] were not consumed";
  }
}
