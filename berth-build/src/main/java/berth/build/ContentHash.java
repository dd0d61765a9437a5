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
      byte[] buf = new byte[256 * 1024];
      try (InputStream in = Files.newInputStream(p)) {
        for (int n; (n = in.read(buf)) > 0; ) {
          md.update(buf, 0, n);
        }
      }
    } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      for (Path c : berth.snapshot.archive.FileTrees.sortedChildren(p)) {
        add(md, c, name + "/" + c.getFileName());
      }
    }
  }
}
