package berth.network;

import berth.core.Json;
import berth.core.errors.Internal;
import berth.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Networks and their endpoints as JSON files: {@code <root>/<networkId>/network.json} and
 * {@code <root>/<networkId>/endpoints/<containerId>.json}. An endpoint file is the address lease;
 * deleting it releases the address. Every write is atomic; callers serialise writers.
 */
public final class NetworkStore {
  private final Path root;

  public NetworkStore(Path root) {
    this.root = root;
  }

  public void put(Network n) {
    write(root.resolve(n.id()).resolve("network.json"), n);
  }

  public Optional<Network> get(String id) {
    Path p = root.resolve(id).resolve("network.json");
    return Files.exists(p) ? Optional.of(read(p, Network.class)) : Optional.empty();
  }

  public List<Network> list() {
    List<Network> out = new ArrayList<>();
    for (Path d : children(root)) {
      Path p = d.resolve("network.json");
      if (Files.exists(p)) {
        out.add(read(p, Network.class));
      }
    }
    out.sort(Comparator.comparing(Network::created).thenComparing(Network::name));
    return out;
  }

  /** Removes a network and every lease it held. */
  public void delete(String id) {
    Path d = root.resolve(id);
    try {
      for (Path e : children(d.resolve("endpoints"))) {
        Files.deleteIfExists(e);
      }
      Files.deleteIfExists(d.resolve("endpoints"));
      Files.deleteIfExists(d.resolve("network.json"));
      Files.deleteIfExists(d);
    } catch (IOException e) {
      throw new Internal("remove network " + id + ": " + e.getMessage(), e);
    }
  }

  public void putEndpoint(Endpoint e) {
    write(endpointPath(e.networkId(), e.containerId()), e);
  }

  public Optional<Endpoint> endpoint(String networkId, String containerId) {
    Path p = endpointPath(networkId, containerId);
    return Files.exists(p) ? Optional.of(read(p, Endpoint.class)) : Optional.empty();
  }

  public List<Endpoint> endpoints(String networkId) {
    List<Endpoint> out = new ArrayList<>();
    for (Path p : children(root.resolve(networkId).resolve("endpoints"))) {
      if (p.getFileName().toString().endsWith(".json")) {
        out.add(read(p, Endpoint.class));
      }
    }
    return out;
  }

  public void deleteEndpoint(String networkId, String containerId) {
    try {
      Files.deleteIfExists(endpointPath(networkId, containerId));
    } catch (IOException e) {
      throw new Internal("release endpoint of " + containerId + ": " + e.getMessage(), e);
    }
  }

  private Path endpointPath(String networkId, String containerId) {
    return root.resolve(networkId).resolve("endpoints").resolve(containerId + ".json");
  }

  private static void write(Path p, Object value) {
    try {
      AtomicFiles.write(p, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
    } catch (IOException e) {
      throw new Internal("write " + p + ": " + e.getMessage(), e);
    }
  }

  private static <T> T read(Path p, Class<T> type) {
    try {
      return Json.MAPPER.readValue(p.toFile(), type);
    } catch (IOException e) {
      throw new Internal("read " + p + ": " + e.getMessage(), e);
    }
  }

  private static List<Path> children(Path d) {
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    try (var s = Files.list(d)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new Internal("list " + d + ": " + e.getMessage(), e);
    }
  }
}
