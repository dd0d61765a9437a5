package berth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import berth.core.Digest;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry as its own process (the launcher's main class): serve from a config file, then gc. */
@Tag("integration")
class MainIT {
  @TempDir
  Path dir;

  static Process java(Path log, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), "berth.registry.Main"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  @Test
  void serveFromAConfigFileThenCollectGarbage() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path storage = dir.resolve("store");
    Files.writeString(dir.resolve("registry.yml"), "listen: 127.0.0.1:1\nstorage: " + storage + "\n");
    // --addr overrides the file's listen address
    Process p = java(dir.resolve("serve.log"), "--config", dir.resolve("registry.yml").toString(), "--addr", "127.0.0.1:" + port);
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + port;
    byte[] orphan = "nobody refers to me".getBytes(StandardCharsets.UTF_8);
    Digest d = Digest.of(orphan);
    try {
      HttpResponse<String> ping = null;
      for (int i = 0; i < 100 && ping == null; i++) {
        try {
          ping = http.send(HttpRequest.newBuilder(URI.create(base + "/v2/")).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
          Thread.sleep(100);
        }
      }
      assertThat(ping).as(Files.readString(dir.resolve("serve.log"))).isNotNull();
      assertThat(ping.statusCode()).isEqualTo(200);
      var put = http.send(HttpRequest.newBuilder(URI.create(base + "/v2/gc/blobs/uploads/?digest=" + d))
          .POST(BodyPublishers.ofByteArray(orphan)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(put.statusCode()).isEqualTo(201);
    } finally {
      p.destroy();
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
    Path blob = storage.resolve("blobs/sha256/" + d.hex().substring(0, 2) + "/" + d.hex());
    assertThat(blob).exists();
    Process dry = java(dir.resolve("dry.log"), "gc", "--dry-run", "--storage", storage.toString());
    assertThat(dry.waitFor()).isZero();
    assertThat(Files.readString(dir.resolve("dry.log"))).contains("1 would be deleted");
    assertThat(blob).exists();
    Process gc = java(dir.resolve("gc.log"), "gc", "--config", dir.resolve("registry.yml").toString());
    assertThat(gc.waitFor()).isZero();
    assertThat(Files.readString(dir.resolve("gc.log"))).contains("0 blobs marked, 1 deleted (19 bytes), 1 layer links removed");
    assertThat(blob).doesNotExist();
  }
}
