package berth.registry;

import static berth.registry.TestImages.exec;
import static berth.registry.TestImages.run;
import static org.assertj.core.api.Assertions.assertThat;

import berth.core.Digest;
import berth.core.Json;
import berth.registry.auth.Htpasswd;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * skopeo as the peer: copy an OCI layout to the Berth registry, inspect it, copy it back and
 * compare digests; plain, with Basic auth, and over TLS (a CA made here) with token auth.
 */
@Tag("integration")
class SkopeoIT {
  @TempDir
  static Path tmp;
  static Path layout;
  static Digest manifest;

  @BeforeAll
  static void image() throws Exception {
    layout = tmp.resolve("layout");
    manifest = TestImages.busyboxLayout(layout, "v1");
  }

  /** copy up, inspect, copy back; asserts the digests survive the round trip. */
  static void roundTrip(String hostPort, String repo, String... flags) throws Exception {
    String dest = "docker://" + hostPort + "/" + repo + ":v1";
    run(cmd(new String[] {"skopeo", "copy", "--retry-times", "0"}, flags, "dest", "oci:" + layout + ":v1", dest));
    JsonNode inspect = Json.MAPPER.readTree(run(cmd(new String[] {"skopeo", "inspect"}, flags, "src", dest)));
    assertThat(inspect.path("Digest").asText()).isEqualTo(manifest.toString());
    assertThat(inspect.path("Layers")).hasSize(1);
    Path back = tmp.resolve("back-" + repo.replace('/', '-') + "-" + System.nanoTime());
    run(cmd(new String[] {"skopeo", "copy"}, flags, "src", dest, "oci:" + back + ":v1"));
    JsonNode index = Json.MAPPER.readTree(Files.readString(back.resolve("index.json")));
    assertThat(index.path("manifests").get(0).path("digest").asText()).isEqualTo(manifest.toString());
    byte[] orig = Files.readAllBytes(layout.resolve("blobs/sha256/" + manifest.hex()));
    assertThat(Files.readAllBytes(back.resolve("blobs/sha256/" + manifest.hex()))).isEqualTo(orig);
  }

  /** Flags are written with a DIR placeholder, turned into --dest-... or --src-... */
  private static String[] cmd(String[] head, String[] flags, String dir, String... tail) {
    java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of(head));
    for (String f : flags) {
      out.add(f.replace("DIR", head[1].equals("inspect") ? "" : dir + "-"));
    }
    out.addAll(java.util.List.of(tail));
    return out.toArray(String[]::new);
  }

  @Test
  void plainHttpRoundTrip() throws Exception {
    try (RunningRegistry reg = new RunningRegistry("")) {
      roundTrip(reg.hostPort(), "busybox", "--DIRtls-verify=false");
      // a second copy finds every blob already there
      roundTrip(reg.hostPort(), "library/busybox", "--DIRtls-verify=false");
      var tags = reg.send(reg.req("/v2/library/busybox/tags/list"));
      assertThat(tags.body()).contains("\"v1\"");
    }
  }

  @Test
  void basicAuth() throws Exception {
    Path dir = Files.createTempDirectory("berth-registry-basic");
    Files.writeString(dir.resolve("htpasswd"), Htpasswd.line("alice", "s3cret") + "\n");
    try (RunningRegistry reg = new RunningRegistry(dir, "auth:\n  htpasswd:\n    path: htpasswd\n", "http",
        HttpClient.newHttpClient())) {
      var denied = exec("skopeo", "copy", "--dest-tls-verify=false", "--dest-creds", "alice:wrong",
          "oci:" + layout + ":v1", "docker://" + reg.hostPort() + "/secured:v1");
      assertThat(denied.code()).isNotZero();
      assertThat(denied.output().toLowerCase()).contains("unauthorized");
      roundTrip(reg.hostPort(), "secured", "--DIRtls-verify=false", "--DIRcreds", "alice:s3cret");
    }
  }

  @Test
  void tlsWithOwnCaAndTokenAuth() throws Exception {
    Path dir = Files.createTempDirectory("berth-registry-tls");
    Path certs = dir.resolve("certs");
    Files.createDirectories(certs);
    makeCa(dir, certs);
    Files.writeString(dir.resolve("htpasswd"), Htpasswd.line("bob", "pa55") + "\n");
    String yaml = """
        tls: {certificate: server.crt, key: server.key}
        auth:
          token: {htpasswd: htpasswd, service: berth-test}
        """;
    try (RunningRegistry reg = new RunningRegistry(dir, yaml, "https", HttpClient.newBuilder().sslContext(trusting(certs.resolve("ca.crt"))).build())) {
      var ping = reg.send(reg.req("/v2/"));
      assertThat(ping.statusCode()).isEqualTo(401);
      assertThat(ping.headers().firstValue("WWW-Authenticate").orElseThrow())
          .isEqualTo("Bearer realm=\"https://" + reg.hostPort() + "/auth/token\",service=\"berth-test\"");
      var untrusted = exec("skopeo", "inspect", "--creds", "bob:pa55", "docker://" + reg.hostPort() + "/nothing:v1");
      assertThat(untrusted.code()).isNotZero();
      assertThat(untrusted.output()).containsAnyOf("certificate", "x509");
      roundTrip(reg.hostPort(), "tls/busybox", "--DIRcert-dir=" + certs, "--DIRcreds", "bob:pa55");
    }
  }

  static void makeCa(Path dir, Path certs) throws Exception {
    String d = dir.toString();
    run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/ca.key", "-out", certs + "/ca.crt",
        "-days", "2", "-subj", "/CN=berth test CA");
    run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", d + "/server.key", "-out", d + "/server.csr",
        "-subj", "/CN=127.0.0.1");
    Files.writeString(dir.resolve("ext.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\n");
    run("openssl", "x509", "-req", "-in", d + "/server.csr", "-CA", certs + "/ca.crt", "-CAkey", d + "/ca.key",
        "-CAcreateserial", "-out", d + "/server.crt", "-days", "2", "-extfile", d + "/ext.cnf");
  }

  static SSLContext trusting(Path caCrt) throws Exception {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    try (InputStream in = Files.newInputStream(caCrt)) {
      ks.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    return ctx;
  }
}
