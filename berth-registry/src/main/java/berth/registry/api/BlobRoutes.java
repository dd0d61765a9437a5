package berth.registry.api;

import berth.core.Digest;
import berth.registry.http.Reply;
import berth.registry.http.Request;
import berth.registry.spec.ErrorCode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /v2/<name>/blobs/<digest>}: GET (whole or one Range), HEAD, DELETE. */
final class BlobRoutes {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
  private final Storage s;

  BlobRoutes(Storage s) {
    this.s = s;
  }

  void get(Request req, Reply reply, String name, String ref) throws IOException {
    Digest d = Digests.parse(ref);
    if (!s.repos().hasLayer(name, d) && s.repos().manifestMediaType(name, d).isEmpty()) {
      throw ErrorCode.BLOB_UNKNOWN.error("blob unknown to registry", java.util.Map.of("digest", d.toString()));
    }
    FileChannel ch;
    try {
      ch = FileChannel.open(s.blobs().path(d));
    } catch (NoSuchFileException e) {
      throw ErrorCode.BLOB_UNKNOWN.error("blob unknown to registry", java.util.Map.of("digest", d.toString()));
    }
    try {
      long size = ch.size();
      reply.header("Docker-Content-Digest", d.toString()).header("ETag", "\"" + d + "\"")
          .header("Accept-Ranges", "bytes").header("Cache-Control", "max-age=31536000");
      String range = req.header("Range");
      if (req.method().equals("HEAD")) {
        // a pusher that finds the blob here skips uploading it: keep gc's grace period from now
        s.repos().touchLayer(name, d);
      }
      if (range == null || req.method().equals("HEAD")) {
        reply.file(200, "application/octet-stream", ch, 0, size);
        return;
      }
      long[] r = range(range, size);
      reply.header("Content-Range", "bytes " + r[0] + "-" + r[1] + "/" + size);
      reply.file(206, "application/octet-stream", ch, r[0], r[1] - r[0] + 1);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * One byte range of RFC 9110 ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}) as
   * {first, last}; anything else, or one outside the blob, is RANGE_INVALID (416).
   */
  static long[] range(String header, long size) {
    Matcher m = RANGE.matcher(header.trim());
    if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
      throw unsatisfiable(header, size);
    }
    long first;
    long last;
    try {
      if (m.group(1).isEmpty()) {
        long n = Long.parseLong(m.group(2));
        first = Math.max(0, size - n);
        last = size - 1;
      } else {
        first = Long.parseLong(m.group(1));
        last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
      }
    } catch (NumberFormatException e) {
      throw unsatisfiable(header, size);
    }
    if (first > last || first >= size) {
      throw unsatisfiable(header, size);
    }
    return new long[] {first, last};
  }

  private static RuntimeException unsatisfiable(String header, long size) {
    return ErrorCode.RANGE_INVALID.error("range " + header + " not satisfiable for a blob of " + size + " bytes")
        .header("Content-Range", "bytes */" + size);
  }

  void delete(Reply reply, String name, String ref) throws IOException {
    Digest d = Digests.parse(ref);
    if (!s.repos().unlinkLayer(name, d)) {
      throw ErrorCode.BLOB_UNKNOWN.error("blob unknown to registry", java.util.Map.of("digest", d.toString()));
    }
    reply.header("Docker-Content-Digest", d.toString()).empty(202);
  }
}
