package berth.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A registry on a free 127.0.0.1 port with its own storage, and a java.net.http client for it. */
final class RunningRegistry implements AutoCloseable {
  final Path dir;
  final RegistryServer server;
  final HttpClient http;
  final String base;

  RunningRegistry(String yaml) throws IOException {
    this(Files.createTempDirectory("berth-registry-it"), yaml, "http", HttpClient.newHttpClient());
  }

  RunningRegistry(Path dir, String yaml, String scheme, HttpClient http) throws IOException {
    this.dir = dir;
    RegistryConfig c = RegistryConfig.parse(yaml, dir).withListen("127.0.0.1:0").withStorage(dir.resolve("storage"));
    this.server = RegistryServer.start(c);
    this.http = http;
    this.base = scheme + "://127.0.0.1:" + server.port();
  }

  String hostPort() {
    return "127.0.0.1:" + server.port();
  }

  HttpRequest.Builder req(String path) {
    return HttpRequest.newBuilder(URI.create(base + path));
  }

  HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> sendBytes(HttpRequest.Builder b) throws IOException, InterruptedException {
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Override
  public void close() throws IOException {
    server.close();
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
