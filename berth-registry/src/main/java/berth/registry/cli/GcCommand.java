package berth.registry.cli;

import berth.registry.RegistryConfig;
import berth.registry.api.Storage;
import berth.registry.gc.GarbageCollector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code registry gc}: mark and sweep, safe while the registry serves (see
 * {@link GarbageCollector}): pushes pause while it runs, and blobs newer than the grace period stay.
 */
@Command(name = "gc", description = "Delete blobs no manifest references (safe while the registry runs)")
public final class GcCommand implements Callable<Integer> {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Configuration file (YAML)")
  Path config;

  @Option(names = "--storage", paramLabel = "DIR", description = "Storage root")
  Path storage;

  @Option(names = {"-n", "--dry-run"}, description = "Only report what would be deleted")
  boolean dryRun;

  @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "1h",
      description = "Keep unreferenced blobs pushed or linked more recently than this (e.g. 30m, 1h, 0s)")
  String grace;

  @Option(names = "--wait", paramLabel = "DURATION", defaultValue = "5m",
      description = "How long to wait for a gap in the registry's writes")
  String wait;

  @Option(names = "--help", usageHelp = true, description = "Print usage")
  boolean help;

  @Override
  public Integer call() throws Exception {
    RegistryConfig c = Configs.load(config, null, storage);
    GarbageCollector.Result r = new GarbageCollector(Storage.open(c.storage()), duration(grace), duration(wait))
        .run(dryRun);
    System.out.printf("%d blobs marked, %d %s (%d bytes), %d layer links removed, %d kept as recent%n", r.marked(),
        r.swept(), dryRun ? "would be deleted" : "deleted", r.bytesFreed(), r.linksRemoved(), r.keptYoung());
    return 0;
  }

  /** {@code 90s}, {@code 30m}, {@code 2h}, {@code 1d}. */
  static Duration duration(String s) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)([smhd])").matcher(s.trim());
    if (!m.matches()) {
      throw new berth.core.errors.InvalidArgument("invalid duration " + s + ": use a number and s, m, h or d");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
