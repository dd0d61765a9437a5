package berth.registry.cli;

import berth.registry.RegistryConfig;
import berth.registry.RegistryServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code registry serve}: runs the registry until killed. Flags override the config file. */
@Command(name = "serve", description = "Run the Berth registry server")
public final class ServeCommand implements Callable<Integer> {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Configuration file (YAML)")
  Path config;

  @Option(names = "--addr", paramLabel = "HOST:PORT", description = "Listen address (default 127.0.0.1:5000)")
  String addr;

  @Option(names = "--storage", paramLabel = "DIR", description = "Storage root (default /var/lib/berth-registry)")
  Path storage;

  @Option(names = "--help", usageHelp = true, description = "Print usage")
  boolean help;

  @Override
  public Integer call() throws Exception {
    RegistryConfig c = Configs.load(config, addr, storage);
    RegistryServer server = RegistryServer.start(c);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    System.err.println("berth registry listening on " + c.listen() + " (storage " + c.storage() + ")");
    server.awaitClose();
    return 0;
  }
}
