package berth.build;

import berth.core.Digest;
import berth.core.errors.Internal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;

/**
 * The cache identity of COPY/ADD sources: names, types, permission bits, link targets and file
 * contents, walked in name order. Modification times and owners are left out on purpose, so a
 * touched but unchanged file (or a fresh checkout) still hits the cache, as Docker's tarsum does.
 */
final class ContentHash {
  private ContentHash() {}

  /** The hex sha256 of one source (a file, a symlink or a whole directory). */
  static String of(Path p) {
    MessageDigest md = Digest.sha256();
    try {
      add(md, p, "");
    } catch (IOException e) {
      throw new Internal("hash build context file " + p + ": " + e.getMessage(), e);
    }
    return Digest.of(md).hex();
  }

  /** Files from this size on are hashed by openssl when it is there. */
  private static final long NATIVE_MIN = 1 << 20;
  private static volatile boolean nativeMissing;

  /** A file's sha256 in hex, in Java. */
  static String fileSha256(Path p) throws IOException {
    MessageDigest md = Digest.sha256();
    byte[] buf = new byte[256 * 1024];
    try (InputStream in = Files.newInputStream(p)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return Digest.of(md).hex();
  }

  /**
   * A file's sha256 by {@code openssl dgst}, or null when that fails. The daemon's JVM runs C1
   * only (see dist/bin/berthd), where SHA-256 has no intrinsic and hashes about 70 MB/s; openssl
   * uses the CPU's SHA instructions (~800 MB/s), which is most of a cached build's time on a
   * large context.
   */
  static String nativeSha256(Path p) {
    if (nativeMissing) {
      return null;
    }
    try {
      Process proc = new ProcessBuilder("openssl", "dgst", "-sha256", "-r", p.toString())
          .redirectErrorStream(true).start();
      String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      if (proc.waitFor() != 0 || out.length() < 64 || !out.substring(0, 64).matches("[0-9a-f]{64}")) {
        return null;
      }
      return out.substring(0, 64);
    } catch (IOException e) {
      nativeMissing = true;
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static void add(MessageDigest md, Path p, String name) throws IOException {
    Map<String, Object> a = Files.readAttributes(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) a.get("mode");
    String head;
    if (Files.isSymbolicLink(p)) {
      head = "L " + name + " " + Files.readSymbolicLink(p);
    } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      head = "D " + name + " " + Integer.toOctalString(mode & 07777);
    } else {
      head = "F " + name + " " + Integer.toOctalString(mode & 07777) + " " + Files.size(p);
    }
    md.update(head.getBytes(StandardCharsets.UTF_8));
    md.update((byte) 0);
    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      String native256 = Files.size(p) >= NATIVE_MIN ? nativeSha256(p) : null;
      if (native256 != null) {
        md.update(native256.getBytes(StandardCharsets.US_ASCII));
        return;
      }
      md.update(fileSha256(p).getBytes(StandardCharsets.US_ASCII));
    } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      for (Path c : berth.snapshot.archive.FileTrees.sortedChildren(p)) {
        add(md, c, name + "/" + c.getFileName());
      }
    }
  }
}
