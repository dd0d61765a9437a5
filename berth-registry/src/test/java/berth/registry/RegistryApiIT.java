package berth.registry;

import static org.assertj.core.api.Assertions.assertThat;

import berth.core.Digest;
import com.fasterxml.jackson.databind.JsonNode;
import berth.core.Json;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Every endpoint of the Distribution API and its error codes, over real HTTP on 127.0.0.1. */
@Tag("integration")
class RegistryApiIT {
  static RunningRegistry reg;

  @BeforeAll
  static void start() throws Exception {
    reg = new RunningRegistry("delete: true\n");
  }

  @AfterAll
  static void stop() throws Exception {
    reg.close();
  }

  static String code(HttpResponse<String> r) throws Exception {
    return Json.MAPPER.readTree(r.body()).path("errors").get(0).path("code").asText();
  }

  static Digest pushBlob(String repo, byte[] data) throws Exception {
    Digest d = Digest.of(data);
    var r = reg.send(reg.req("/v2/" + repo + "/blobs/uploads/?digest=" + d).POST(BodyPublishers.ofByteArray(data)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return d;
  }

  static String manifest(Digest config, long configSize, Digest layer, long layerSize) {
    return """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
         "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%d},
         "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"%s","size":%d}]}"""
        .formatted(config, configSize, layer, layerSize);
  }

  static HttpResponse<String> putManifest(String repo, String ref, String type, String body) throws Exception {
    return reg.send(reg.req("/v2/" + repo + "/manifests/" + ref).header("Content-Type", type)
        .PUT(BodyPublishers.ofString(body)));
  }

  static final String OCI = "application/vnd.oci.image.manifest.v1+json";

  @Test
  void pingCarriesTheApiVersionHeader() throws Exception {
    var r = reg.send(reg.req("/v2/"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Docker-Distribution-API-Version")).hasValue("registry/2.0");
    assertThat(r.body()).isEqualTo("{}");
  }

  @Test
  void monolithicUploadThenHeadGetAndRanges() throws Exception {
    byte[] data = "hello registry".getBytes(StandardCharsets.UTF_8);
    Digest d = Digest.of(data);
    var post = reg.send(reg.req("/v2/mono/blobs/uploads/?digest=" + d).POST(BodyPublishers.ofByteArray(data)));
    assertThat(post.statusCode()).isEqualTo(201);
    assertThat(post.headers().firstValue("Location")).hasValue("/v2/mono/blobs/" + d);
    assertThat(post.headers().firstValue("Docker-Content-Digest")).hasValue(d.toString());

    var head = reg.send(reg.req("/v2/mono/blobs/" + d).method("HEAD", BodyPublishers.noBody()));
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(data.length));
    assertThat(head.headers().firstValue("Docker-Content-Digest")).hasValue(d.toString());

    var get = reg.sendBytes(reg.req("/v2/mono/blobs/" + d));
    assertThat(get.body()).isEqualTo(data);

    var part = reg.send(reg.req("/v2/mono/blobs/" + d).header("Range", "bytes=6-13"));
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.body()).isEqualTo("registry");
    assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 6-13/" + data.length);

    var bad = reg.send(reg.req("/v2/mono/blobs/" + d).header("Range", "bytes=100-200"));
    assertThat(bad.statusCode()).isEqualTo(416);
    assertThat(code(bad)).isEqualTo("RANGE_INVALID");
  }

  @Test
  void wrongDigestStoresNothing() throws Exception {
    byte[] data = "some bytes".getBytes(StandardCharsets.UTF_8);
    Digest other = Digest.of("other".getBytes(StandardCharsets.UTF_8));
    var r = reg.send(reg.req("/v2/wrong/blobs/uploads/?digest=" + other).POST(BodyPublishers.ofByteArray(data)));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(code(r)).isEqualTo("DIGEST_INVALID");
    assertThat(Files.exists(reg.dir.resolve("storage/blobs/sha256/" + other.hex().substring(0, 2) + "/" + other.hex()))).isFalse();
    var head = reg.send(reg.req("/v2/wrong/blobs/" + Digest.of(data)));
    assertThat(head.statusCode()).isEqualTo(404);
    assertThat(code(head)).isEqualTo("BLOB_UNKNOWN");
    var malformed = reg.send(reg.req("/v2/wrong/blobs/sha256:abc"));
    assertThat(code(malformed)).isEqualTo("DIGEST_INVALID");
  }

  @Test
  void chunkedUploadInOrderOnly() throws Exception {
    byte[] data = "0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    Digest d = Digest.of(data);
    var start = reg.send(reg.req("/v2/chunky/blobs/uploads/").POST(BodyPublishers.noBody()));
    assertThat(start.statusCode()).isEqualTo(202);
    String loc = start.headers().firstValue("Location").orElseThrow();
    assertThat(start.headers().firstValue("Range")).hasValue("0-0");
    assertThat(start.headers().firstValue("Docker-Upload-UUID")).isPresent();

    var p1 = reg.send(reg.req(loc).header("Content-Range", "0-5").header("Content-Type", "application/octet-stream")
        .method("PATCH", BodyPublishers.ofByteArray(Arrays.copyOfRange(data, 0, 6))));
    assertThat(p1.statusCode()).isEqualTo(202);
    assertThat(p1.headers().firstValue("Range")).hasValue("0-5");

    var outOfOrder = reg.send(reg.req(loc).header("Content-Range", "10-15")
        .method("PATCH", BodyPublishers.ofByteArray(Arrays.copyOfRange(data, 10, 16))));
    assertThat(outOfOrder.statusCode()).isEqualTo(416);
    assertThat(code(outOfOrder)).isEqualTo("RANGE_INVALID");

    var status = reg.send(reg.req(loc));
    assertThat(status.statusCode()).isEqualTo(204);
    assertThat(status.headers().firstValue("Range")).hasValue("0-5");

    var p2 = reg.send(reg.req(loc).method("PATCH", BodyPublishers.ofByteArray(Arrays.copyOfRange(data, 6, 10))));
    assertThat(p2.headers().firstValue("Range")).hasValue("0-9");
    var put = reg.send(reg.req(loc + "?digest=" + d).header("Content-Range", "10-15")
        .PUT(BodyPublishers.ofByteArray(Arrays.copyOfRange(data, 10, 16))));
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    assertThat(reg.sendBytes(reg.req("/v2/chunky/blobs/" + d)).body()).isEqualTo(data);
    assertThat(code(reg.send(reg.req(loc)))).isEqualTo("BLOB_UPLOAD_UNKNOWN");
  }

  @Test
  void cancelAndUnknownUploads() throws Exception {
    var start = reg.send(reg.req("/v2/cancel/blobs/uploads/").POST(BodyPublishers.noBody()));
    String loc = start.headers().firstValue("Location").orElseThrow();
    assertThat(reg.send(reg.req(loc).DELETE()).statusCode()).isEqualTo(204);
    var gone = reg.send(reg.req(loc));
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(code(gone)).isEqualTo("BLOB_UPLOAD_UNKNOWN");
    assertThat(code(reg.send(reg.req("/v2/cancel/blobs/uploads/not-a-uuid").DELETE()))).isEqualTo("BLOB_UPLOAD_UNKNOWN");
    var noDigest = reg.send(reg.req(reg.send(reg.req("/v2/cancel/blobs/uploads/").POST(BodyPublishers.noBody()))
        .headers().firstValue("Location").orElseThrow()).PUT(BodyPublishers.noBody()));
    assertThat(code(noDigest)).isEqualTo("DIGEST_INVALID");
  }

  @Test
  void crossRepositoryMount() throws Exception {
    Digest d = pushBlob("mount/src", "mount me".getBytes(StandardCharsets.UTF_8));
    var m = reg.send(reg.req("/v2/mount/dst/blobs/uploads/?mount=" + d + "&from=mount/src").POST(BodyPublishers.noBody()));
    assertThat(m.statusCode()).isEqualTo(201);
    assertThat(m.headers().firstValue("Location")).hasValue("/v2/mount/dst/blobs/" + d);
    assertThat(reg.send(reg.req("/v2/mount/dst/blobs/" + d)).body()).isEqualTo("mount me");
    Digest unknown = Digest.of("nowhere".getBytes(StandardCharsets.UTF_8));
    var fallback = reg.send(reg.req("/v2/mount/dst/blobs/uploads/?mount=" + unknown + "&from=mount/src").POST(BodyPublishers.noBody()));
    assertThat(fallback.statusCode()).isEqualTo(202);
    assertThat(fallback.headers().firstValue("Location").orElseThrow()).startsWith("/v2/mount/dst/blobs/uploads/");
  }

  @Test
  void manifestsByTagAndDigestWithNegotiation() throws Exception {
    byte[] config = "{\"architecture\":\"amd64\",\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
    byte[] layer = "layer bytes".getBytes(StandardCharsets.UTF_8);
    Digest c = pushBlob("app", config);
    Digest l = pushBlob("app", layer);
    String m = manifest(c, config.length, l, layer.length);
    Digest md = Digest.of(m.getBytes(StandardCharsets.UTF_8));
    var put = putManifest("app", "v1", OCI, m);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    assertThat(put.headers().firstValue("Docker-Content-Digest")).hasValue(md.toString());
    assertThat(put.headers().firstValue("Location")).hasValue("/v2/app/manifests/" + md);

    var get = reg.send(reg.req("/v2/app/manifests/v1").header("Accept", OCI));
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isEqualTo(m);
    assertThat(get.headers().firstValue("Content-Type")).hasValue(OCI);
    assertThat(get.headers().firstValue("Docker-Content-Digest")).hasValue(md.toString());

    var head = reg.send(reg.req("/v2/app/manifests/" + md).method("HEAD", BodyPublishers.noBody()));
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(m.length()));
    assertThat(head.body()).isEmpty();

    var notAccepted = reg.send(reg.req("/v2/app/manifests/v1")
        .header("Accept", "application/vnd.docker.distribution.manifest.v2+json"));
    assertThat(notAccepted.statusCode()).isEqualTo(404);
    assertThat(code(notAccepted)).isEqualTo("MANIFEST_UNKNOWN");

    assertThat(code(reg.send(reg.req("/v2/app/manifests/nope")))).isEqualTo("MANIFEST_UNKNOWN");
    assertThat(code(reg.send(reg.req("/v2/never-pushed/manifests/v1")))).isEqualTo("NAME_UNKNOWN");
  }

  @Test
  void badManifestsAreRefused() throws Exception {
    byte[] config = "{}".getBytes(StandardCharsets.UTF_8);
    Digest c = pushBlob("bad", config);
    Digest missing = Digest.of("missing layer".getBytes(StandardCharsets.UTF_8));
    var unknownBlob = putManifest("bad", "t", OCI, manifest(c, 2, missing, 13));
    assertThat(unknownBlob.statusCode()).isEqualTo(400);
    assertThat(code(unknownBlob)).isEqualTo("MANIFEST_BLOB_UNKNOWN");
    assertThat(code(putManifest("bad", "t", OCI, "{not json"))).isEqualTo("MANIFEST_INVALID");
    assertThat(code(putManifest("bad", "t", "application/vnd.docker.distribution.manifest.v2+json", manifest(c, 2, c, 2))))
        .isEqualTo("MANIFEST_INVALID");
    assertThat(code(putManifest("bad", "t", "application/vnd.docker.distribution.manifest.v1+prettyjws",
        "{\"schemaVersion\":1}"))).isEqualTo("MANIFEST_INVALID");
    assertThat(code(putManifest("bad", "t", "text/plain", "{\"schemaVersion\":2}"))).isEqualTo("MANIFEST_INVALID");
    var wrongDigest = putManifest("bad", Digest.of(new byte[] {1}).toString(), OCI, manifest(c, 2, c, 2).replace("image.layer.v1.tar", "image.config.v1+json"));
    assertThat(code(wrongDigest)).isEqualTo("DIGEST_INVALID");
    String huge = "{\"schemaVersion\":2,\"x\":\"" + "a".repeat(5 * 1024 * 1024) + "\"}";
    var tooBig = putManifest("bad", "t", OCI, huge);
    assertThat(tooBig.statusCode()).isEqualTo(413);
    assertThat(code(tooBig)).isEqualTo("SIZE_INVALID");
    var nested = putManifest("bad", "t", OCI, "[".repeat(5000) + "]".repeat(5000));
    assertThat(code(nested)).isEqualTo("MANIFEST_INVALID");
    assertThat(code(reg.send(reg.req("/v2/Bad_Name/tags/list")))).isEqualTo("NAME_INVALID");
    String valid = manifest(c, 2, c, 2);
    assertThat(code(putManifest("bad", "sha256:totallywrong", OCI, valid))).isEqualTo("DIGEST_INVALID");
    assertThat(code(putManifest("bad", ".bad-tag", OCI, valid))).isEqualTo("MANIFEST_INVALID");
    assertThat(code(reg.send(reg.req("/v2/bad/manifests/.bad-tag")))).isEqualTo("MANIFEST_UNKNOWN");
  }

  @Test
  void tagsAndCatalogPaginate() throws Exception {
    byte[] config = "{\"c\":1}".getBytes(StandardCharsets.UTF_8);
    Digest c = pushBlob("paged", config);
    String m = manifest(c, config.length, c, config.length);
    for (String t : List.of("a", "b", "c", "d", "e")) {
      assertThat(putManifest("paged", t, OCI, m).statusCode()).isEqualTo(201);
    }
    var all = reg.send(reg.req("/v2/paged/tags/list"));
    assertThat(Json.MAPPER.readTree(all.body()).path("tags").toString()).isEqualTo("[\"a\",\"b\",\"c\",\"d\",\"e\"]");
    var first = reg.send(reg.req("/v2/paged/tags/list?n=2"));
    assertThat(Json.MAPPER.readTree(first.body()).path("tags").toString()).isEqualTo("[\"a\",\"b\"]");
    assertThat(first.headers().firstValue("Link")).hasValue("</v2/paged/tags/list?n=2&last=b>; rel=\"next\"");
    var next = reg.send(reg.req("/v2/paged/tags/list?n=2&last=b"));
    assertThat(Json.MAPPER.readTree(next.body()).path("tags").toString()).isEqualTo("[\"c\",\"d\"]");
    var last = reg.send(reg.req("/v2/paged/tags/list?n=2&last=d"));
    assertThat(Json.MAPPER.readTree(last.body()).path("tags").toString()).isEqualTo("[\"e\"]");
    assertThat(last.headers().firstValue("Link")).isEmpty();
    assertThat(code(reg.send(reg.req("/v2/paged/tags/list?n=x")))).isEqualTo("PAGINATION_NUMBER_INVALID");
    assertThat(code(reg.send(reg.req("/v2/nothing-here/tags/list")))).isEqualTo("NAME_UNKNOWN");

    JsonNode cat = Json.MAPPER.readTree(reg.send(reg.req("/v2/_catalog")).body()).path("repositories");
    List<String> names = new ArrayList<>();
    cat.forEach(n -> names.add(n.asText()));
    assertThat(names).contains("paged").isSorted();
    var one = reg.send(reg.req("/v2/_catalog?n=1"));
    assertThat(one.headers().firstValue("Link").orElseThrow()).startsWith("</v2/_catalog?n=1&last=");
  }

  @Test
  void referrersListSubjectsAndFilter() throws Exception {
    byte[] config = "{\"r\":1}".getBytes(StandardCharsets.UTF_8);
    Digest c = pushBlob("refs", config);
    String image = manifest(c, config.length, c, config.length);
    putManifest("refs", "img", OCI, image);
    Digest subject = Digest.of(image.getBytes(StandardCharsets.UTF_8));
    byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
    Digest e = pushBlob("refs", empty);
    String sbom = """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","artifactType":"application/spdx+json",
         "config":{"mediaType":"application/vnd.oci.empty.v1+json","digest":"%s","size":2},
         "layers":[{"mediaType":"application/vnd.oci.empty.v1+json","digest":"%s","size":2}],
         "subject":{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":%d},
         "annotations":{"org.example":"yes"}}""".formatted(e, e, subject, image.length());
    var put = putManifest("refs", Digest.of(sbom.getBytes(StandardCharsets.UTF_8)).toString(), OCI, sbom);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    assertThat(put.headers().firstValue("OCI-Subject")).hasValue(subject.toString());

    var r = reg.send(reg.req("/v2/refs/referrers/" + subject));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/vnd.oci.image.index.v1+json");
    JsonNode idx = Json.MAPPER.readTree(r.body());
    assertThat(idx.path("manifests")).hasSize(1);
    assertThat(idx.path("manifests").get(0).path("artifactType").asText()).isEqualTo("application/spdx+json");
    assertThat(idx.path("manifests").get(0).path("annotations").path("org.example").asText()).isEqualTo("yes");

    var filtered = reg.send(reg.req("/v2/refs/referrers/" + subject + "?artifactType=application/other"));
    assertThat(filtered.headers().firstValue("OCI-Filters-Applied")).hasValue("artifactType");
    assertThat(Json.MAPPER.readTree(filtered.body()).path("manifests")).isEmpty();
    assertThat(code(reg.send(reg.req("/v2/refs/referrers/sha256:zz")))).isEqualTo("DIGEST_INVALID");
  }

  @Test
  void deletesManifestsTagsAndBlobs() throws Exception {
    byte[] config = "{\"d\":1}".getBytes(StandardCharsets.UTF_8);
    Digest c = pushBlob("del", config);
    String m = manifest(c, config.length, c, config.length);
    putManifest("del", "x", OCI, m);
    putManifest("del", "y", OCI, m);
    Digest md = Digest.of(m.getBytes(StandardCharsets.UTF_8));
    assertThat(reg.send(reg.req("/v2/del/manifests/y").DELETE()).statusCode()).isEqualTo(202);
    assertThat(code(reg.send(reg.req("/v2/del/manifests/y")))).isEqualTo("MANIFEST_UNKNOWN");
    assertThat(reg.send(reg.req("/v2/del/manifests/x")).statusCode()).isEqualTo(200);
    assertThat(reg.send(reg.req("/v2/del/manifests/" + md).DELETE()).statusCode()).isEqualTo(202);
    assertThat(code(reg.send(reg.req("/v2/del/manifests/x")))).isEqualTo("MANIFEST_UNKNOWN");
    assertThat(code(reg.send(reg.req("/v2/del/manifests/" + md).DELETE()))).isEqualTo("MANIFEST_UNKNOWN");
    assertThat(reg.send(reg.req("/v2/del/blobs/" + c).DELETE()).statusCode()).isEqualTo(202);
    assertThat(code(reg.send(reg.req("/v2/del/blobs/" + c)))).isEqualTo("BLOB_UNKNOWN");
  }

  @Test
  void unsupportedMethodsAndPaths() throws Exception {
    var r = reg.send(reg.req("/v2/x/tags/list").DELETE());
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(code(r)).isEqualTo("UNSUPPORTED");
    assertThat(reg.send(reg.req("/elsewhere")).statusCode()).isEqualTo(404);
  }

  @Test
  void concurrentUploadsOfTheSameBlobAllSucceed() throws Exception {
    byte[] data = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(data);
    Digest d = Digest.of(data);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      int n = i;
      Callable<Integer> upload = () -> {
        String repo = "same/" + n;
        var start = reg.send(reg.req("/v2/" + repo + "/blobs/uploads/").POST(BodyPublishers.noBody()));
        String loc = start.headers().firstValue("Location").orElseThrow();
        int half = data.length / 2;
        reg.send(reg.req(loc).header("Content-Range", "0-" + (half - 1))
            .method("PATCH", BodyPublishers.ofByteArray(Arrays.copyOfRange(data, 0, half))));
        reg.send(reg.req(loc).method("PATCH", BodyPublishers.ofByteArray(Arrays.copyOfRange(data, half, data.length))));
        return reg.send(reg.req(loc + "?digest=" + d).PUT(BodyPublishers.noBody())).statusCode();
      };
      results.add(pool.submit(upload));
    }
    for (Future<Integer> f : results) {
      assertThat(f.get()).isEqualTo(201);
    }
    pool.shutdown();
    for (int i = 0; i < 8; i++) {
      assertThat(reg.sendBytes(reg.req("/v2/same/" + i + "/blobs/" + d)).body()).isEqualTo(data);
    }
    try (Stream<java.nio.file.Path> s = Files.list(reg.dir.resolve("storage/uploads"))) {
      assertThat(s.filter(p -> p.toString().contains("-")).count()).isLessThanOrEqualTo(countOpenSessions());
    }
  }

  /** Sessions other tests leave open on purpose (started, never finished). */
  private static long countOpenSessions() throws Exception {
    try (Stream<java.nio.file.Path> s = Files.list(reg.dir.resolve("storage/uploads"))) {
      return s.count();
    }
  }

  @Test
  void aBodyCutShortLeavesNothingVisible() throws Exception {
    var start = reg.send(reg.req("/v2/cut/blobs/uploads/").POST(BodyPublishers.noBody()));
    String loc = start.headers().firstValue("Location").orElseThrow();
    byte[] data = new byte[1 << 20];
    new Random(3).nextBytes(data);
    Digest d = Digest.of(data);
    try (Socket s = new Socket("127.0.0.1", reg.server.port())) {
      OutputStream out = s.getOutputStream();
      out.write(("PUT " + loc + "?digest=" + d + " HTTP/1.1\r\nHost: x\r\nContent-Length: " + data.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(data, 0, data.length / 3);
      out.flush();
    }
    // the server notices the close; the session must still hold no bytes and no blob may appear
    for (int i = 0; i < 50; i++) {
      var status = reg.send(reg.req(loc));
      if (status.statusCode() == 204 && status.headers().firstValue("Range").orElse("").equals("0-0")) {
        break;
      }
      Thread.sleep(100);
    }
    var status = reg.send(reg.req(loc));
    assertThat(status.statusCode()).isEqualTo(204);
    assertThat(status.headers().firstValue("Range")).hasValue("0-0");
    assertThat(code(reg.send(reg.req("/v2/cut/blobs/" + d)))).isEqualTo("BLOB_UNKNOWN");
    assertThat(Files.exists(reg.dir.resolve("storage/blobs/sha256/" + d.hex().substring(0, 2) + "/" + d.hex()))).isFalse();
  }
}
