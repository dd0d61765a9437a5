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

  static HttpResponse<String> send(HttpClient http, HttpRequest.Builder b) throws Exception {
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void serveFromAConfigFileAndCollectGarbageWhileServing() throws Exception {
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
    try {
      HttpResponse<String> ping = null;
      for (int i = 0; i < 100 && ping == null; i++) {
        try {
          ping = send(http, HttpRequest.newBuilder(URI.create(base + "/v2/")));
        } catch (java.io.IOException e) {
          Thread.sleep(100);
        }
      }
      assertThat(ping).as(Files.readString(dir.resolve("serve.log"))).isNotNull();
      assertThat(ping.statusCode()).isEqualTo(200);

      byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
      byte[] layer = "a layer".getBytes(StandardCharsets.UTF_8);
      byte[] orphan = "nobody refers to me".getBytes(StandardCharsets.UTF_8);
      for (byte[] b : List.of(config, layer, orphan)) {
        var put = send(http, HttpRequest.newBuilder(URI.create(base + "/v2/gc/blobs/uploads/?digest=" + Digest.of(b)))
            .POST(BodyPublishers.ofByteArray(b)));
        assertThat(put.statusCode()).isEqualTo(201);
      }
      String manifest = """
          {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
           "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":2},
           "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"%s","size":7}]}"""
          .formatted(Digest.of(config), Digest.of(layer));
      assertThat(send(http, HttpRequest.newBuilder(URI.create(base + "/v2/gc/manifests/v1"))
          .header("Content-Type", "application/vnd.oci.image.manifest.v1+json").PUT(BodyPublishers.ofString(manifest)))
          .statusCode()).isEqualTo(201);

      Digest d = Digest.of(orphan);
      Path blob = storage.resolve("blobs/sha256/" + d.hex().substring(0, 2) + "/" + d.hex());
      // within the grace period the orphan is a layer whose manifest may still come
      Process dry = java(dir.resolve("dry.log"), "gc", "--dry-run", "--storage", storage.toString());
      assertThat(dry.waitFor()).isZero();
      assertThat(Files.readString(dir.resolve("dry.log"))).contains("0 would be deleted").contains("1 kept as recent");

      // a push in progress (the shared lock held) keeps gc out
      new berth.registry.storage.StorageLock(storage).shared(() -> {
        try {
          Process blocked = java(dir.resolve("blocked.log"), "gc", "--grace", "0s", "--wait", "1s", "--storage", storage.toString());
          assertThat(blocked.waitFor()).isEqualTo(1);
          assertThat(Files.readString(dir.resolve("blocked.log"))).contains("no gap to collect garbage in");
        } catch (Exception e) {
          throw new java.io.IOException(e);
        }
        return null;
      });
      assertThat(blob).exists();

      // while the registry keeps serving
      Process gc = java(dir.resolve("gc.log"), "gc", "--grace", "0s", "--config", dir.resolve("registry.yml").toString());
      assertThat(gc.waitFor()).isZero();
      assertThat(Files.readString(dir.resolve("gc.log"))).contains("3 blobs marked, 1 deleted (19 bytes), 1 layer links removed");
      assertThat(blob).doesNotExist();
      assertThat(send(http, HttpRequest.newBuilder(URI.create(base + "/v2/gc/blobs/" + d))).statusCode()).isEqualTo(404);
      assertThat(send(http, HttpRequest.newBuilder(URI.create(base + "/v2/gc/blobs/" + Digest.of(layer)))).body())
          .isEqualTo("a layer");
      assertThat(send(http, HttpRequest.newBuilder(URI.create(base + "/v2/gc/manifests/v1"))).body()).isEqualTo(manifest);
    } finally {
      p.destroy();
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void mistakesEndTheProcessWithAMessage() throws Exception {
    Process missing = java(dir.resolve("missing.log"), "--config", dir.resolve("nope.yml").toString());
    assertThat(missing.waitFor()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("missing.log"))).contains("config file " + dir.resolve("nope.yml") + ": no such file");
    Files.writeString(dir.resolve("bad.yml"), "listen: 127.0.0.1:0\nbogus: 1\n");
    Process bad = java(dir.resolve("bad.log"), "serve", "-c", dir.resolve("bad.yml").toString());
    assertThat(bad.waitFor()).isEqualTo(1);
    assertThat(Files.readString(dir.resolve("bad.log"))).contains("unknown key bogus");
    Process version = java(dir.resolve("version.log"), "--version");
    assertThat(version.waitFor()).isZero();
    assertThat(Files.readString(dir.resolve("version.log"))).contains("berth-registry 0.1.0");
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Starts the registry process on a free port over {@code storage}; returns it once it answers. */
  Process serve(Path storage, int port, String log) throws Exception {
    Process p = java(dir.resolve(log), "--addr", "127.0.0.1:" + port, "--storage", storage.toString());
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 100; i++) {
      try {
        send(http, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/")));
        return p;
      } catch (java.io.IOException e) {
        Thread.sleep(100);
      }
    }
    p.destroyForcibly();
    throw new AssertionError("registry did not start: " + Files.readString(dir.resolve(log)));
  }

  @Test
  void aServerKilledMidUploadShowsNoPartialBlobAndTheUploadResumes() throws Exception {
    Path storage = dir.resolve("crash-store");
    byte[] data = new byte[4 << 20];
    new java.util.Random(11).nextBytes(data);
    Digest d = Digest.of(data);
    Path blob = storage.resolve("blobs/sha256/" + d.hex().substring(0, 2) + "/" + d.hex());
    HttpClient http = HttpClient.newHttpClient();

    int port = freePort();
    Process first = serve(storage, port, "crash1.log");
    String loc;
    try {
      loc = send(http, HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v2/crash/blobs/uploads/"))
          .POST(BodyPublishers.noBody())).headers().firstValue("Location").orElseThrow();
      try (java.net.Socket sock = new java.net.Socket("127.0.0.1", port)) {
        var out = sock.getOutputStream();
        out.write(("PUT " + loc + "?digest=" + d + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + data.length + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.write(data, 0, data.length / 2);
        out.flush();
        Thread.sleep(500);
        first.destroyForcibly(); // SIGKILL in the middle of the body
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      first.destroyForcibly();
    }
    assertThat(blob).doesNotExist();

    int port2 = freePort();
    Process second = serve(storage, port2, "crash2.log");
    try {
      String base = "http://127.0.0.1:" + port2;
      assertThat(send(http, HttpRequest.newBuilder(URI.create(base + "/v2/crash/blobs/" + d))).statusCode()).isEqualTo(404);
      var status = send(http, HttpRequest.newBuilder(URI.create(base + loc)));
      assertThat(status.statusCode()).isEqualTo(204);
      String range = status.headers().firstValue("Range").orElseThrow();
      int have = range.equals("0-0") ? 0 : Integer.parseInt(range.substring(2)) + 1;
      assertThat(have).isLessThanOrEqualTo(data.length / 2);
      // resume where the server says it is, as the spec's clients do
      var patch = send(http, HttpRequest.newBuilder(URI.create(base + loc))
          .header("Content-Range", have + "-" + (data.length - 1))
          .method("PATCH", BodyPublishers.ofByteArray(java.util.Arrays.copyOfRange(data, have, data.length))));
      assertThat(patch.statusCode()).isEqualTo(202);
      var put = send(http, HttpRequest.newBuilder(URI.create(base + loc + "?digest=" + d)).PUT(BodyPublishers.noBody()));
      assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
      var got = http.send(HttpRequest.newBuilder(URI.create(base + "/v2/crash/blobs/" + d)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(got.body()).isEqualTo(data);
    } finally {
      second.destroy();
      assertThat(second.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
  }
}
