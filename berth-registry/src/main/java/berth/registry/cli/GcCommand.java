package berth.registry.cli;

import berth.registry.RegistryConfig;
import berth.registry.api.Storage;
import berth.registry.gc.GarbageCollector;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code registry gc}: mark and sweep. Needs the server stopped or read-only, like distribution's
 * garbage-collect: it would sweep blobs pushed ahead of their manifest.
 */
@Command(name = "gc", description = "Delete blobs no manifest references (run with the registry stopped or read-only)")
public final class GcCommand implements Callable<Integer> {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Configuration file (YAML)")
  Path config;

  @Option(names = "--storage", paramLabel = "DIR", description = "Storage root")
  Path storage;

  @Option(names = {"-n", "--dry-run"}, description = "Only report what would be deleted")
  boolean dryRun;

  @Option(names = "--help", usageHelp = true, description = "Print usage")
  boolean help;

  @Override
  public Integer call() throws Exception {
    RegistryConfig c = Configs.load(config, null, storage);
    GarbageCollector.Result r = new GarbageCollector(Storage.open(c.storage())).run(dryRun);
    System.out.printf("%d blobs marked, %d %s (%d bytes), %d layer links removed%n", r.marked(), r.swept(),
        dryRun ? "would be deleted" : "deleted", r.bytesFreed(), r.linksRemoved());
    return 0;
  }
}
