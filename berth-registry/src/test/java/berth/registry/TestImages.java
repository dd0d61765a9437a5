package berth.registry;

import berth.core.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/** Test images on disk: the busybox rootfs as a one-layer OCI image layout, and process helpers. */
final class TestImages {
  private TestImages() {}

  /** The repository root (the tests run in berth-registry/). */
  static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    return Files.exists(p.resolve("scripts")) ? p : p.getParent();
  }

  /**
   * Writes an OCI image layout at {@code dir} with one image tagged {@code tag}: the busybox
   * rootfs, gzipped. Returns the manifest's digest.
   */
  static Digest busyboxLayout(Path dir, String tag) throws Exception {
    Path tar = dir.resolveSibling(dir.getFileName() + ".rootfs.tar");
    run(repoRoot().resolve("scripts/make-busybox-rootfs.sh").toString(), tar.toString());
    byte[] raw = Files.readAllBytes(tar);
    Files.delete(tar);
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(gz)) {
      out.write(raw);
    }
    byte[] layer = gz.toByteArray();
    Files.createDirectories(dir.resolve("blobs/sha256"));
    Digest l = blob(dir, layer);
    byte[] config = """
        {"architecture":"amd64","os":"linux","config":{"Cmd":["sh"]},
         "rootfs":{"type":"layers","diff_ids":["%s"]}}""".formatted(Digest.of(raw)).getBytes(StandardCharsets.UTF_8);
    Digest c = blob(dir, config);
    byte[] manifest = """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
         "config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"%s","size":%d},
         "layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar+gzip","digest":"%s","size":%d}]}"""
        .formatted(c, config.length, l, layer.length).getBytes(StandardCharsets.UTF_8);
    Digest m = blob(dir, manifest);
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Files.writeString(dir.resolve("index.json"), """
        {"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s",
         "size":%d,"annotations":{"org.opencontainers.image.ref.name":"%s"}}]}""".formatted(m, manifest.length, tag));
    return m;
  }

  private static Digest blob(Path dir, byte[] b) throws IOException {
    Digest d = Digest.of(b);
    Files.write(dir.resolve("blobs/sha256/" + d.hex()), b);
    return d;
  }

  /** Result of a process: exit code and combined output. */
  record Run(int code, String output) {}

  static Run exec(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + String.join(" ", cmd));
    }
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  static String run(String... cmd) throws Exception {
    Run r = exec(cmd);
    if (r.code() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + " exited " + r.code() + ":\n" + r.output());
    }
    return r.output();
  }
}
