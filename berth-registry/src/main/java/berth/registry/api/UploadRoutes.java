package berth.registry.api;

import berth.core.Digest;
import berth.registry.auth.Access;
import berth.registry.auth.AccessGate;
import berth.registry.http.Reply;
import berth.registry.http.Request;
import berth.registry.spec.ErrorCode;
import berth.registry.spec.Names;
import berth.registry.storage.Upload;
import berth.registry.storage.UploadStore;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /v2/<name>/blobs/uploads/[<uuid>]}: POST (start; monolithic with {@code digest}; cross
 * repository {@code mount}/{@code from}), PATCH (a chunk, in order), PUT (last chunk and
 * digest), GET (status), DELETE (cancel).
 */
final class UploadRoutes {
  /** {@code Content-Range: <first>-<last>} as the spec writes it; {@code bytes a-b/total} too. */
  private static final Pattern CONTENT_RANGE = Pattern.compile("(?:bytes[ =])?(\\d+)-(\\d+)(?:/(?:\\d+|\\*))?");
  private final Storage s;
  private final AccessGate gate;

  UploadRoutes(Storage s, AccessGate gate) {
    this.s = s;
    this.gate = gate;
  }

  void start(Request req, Reply reply, String name) throws IOException {
    String mount = req.param("mount");
    if (mount != null) {
      Digest d = Digests.parse(mount);
      String from = req.param("from");
      boolean mounted = from != null && Names.validName(from) && gate.allows(req, Access.repository(from, "pull"))
          && s.lock().shared(() -> {
            if (!s.repos().hasLayer(from, d) || !s.blobs().exists(d)) {
              return false;
            }
            s.repos().linkLayer(name, d);
            return true;
          });
      if (mounted) {
        created(reply, name, d);
        return;
      }
      // Not mountable: the spec says to fall back to an ordinary upload session.
    } else if (req.param("digest") != null) {
      Digest d = Digests.parse(req.param("digest"));
      s.uploads().putWhole(name, req.body(), d);
      created(reply, name, d);
      return;
    }
    Upload u = s.uploads().start(name);
    session(reply, u, 0).empty(202);
  }

  void patch(Request req, Reply reply, String name, String id) throws IOException {
    Upload u = s.uploads().find(name, id);
    long size = s.uploads().append(u, req.body(), chunkStart(req));
    session(reply, u, size).empty(202);
  }

  void finish(Request req, Reply reply, String name, String id) throws IOException {
    String digest = req.param("digest");
    if (digest == null) {
      throw ErrorCode.DIGEST_INVALID.error("digest parameter missing");
    }
    Digest d = Digests.parse(digest);
    Upload u = s.uploads().find(name, id);
    s.uploads().append(u, req.body(), chunkStart(req));
    s.uploads().finish(u, d);
    created(reply, name, d);
  }

  void status(Reply reply, String name, String id) throws IOException {
    Upload u = s.uploads().find(name, id);
    session(reply, u, u.size()).empty(204);
  }

  void cancel(Reply reply, String name, String id) throws IOException {
    s.uploads().cancel(s.uploads().find(name, id));
    reply.empty(204);
  }

  /** The first byte of the chunk from Content-Range, checked against Content-Length; null if absent. */
  private static Long chunkStart(Request req) {
    String cr = req.header("Content-Range");
    if (cr == null) {
      return null;
    }
    Matcher m = CONTENT_RANGE.matcher(cr.trim());
    if (!m.matches()) {
      throw ErrorCode.RANGE_INVALID.error("invalid Content-Range: " + cr);
    }
    long first = Long.parseLong(m.group(1));
    long last = Long.parseLong(m.group(2));
    long cl = req.contentLength();
    if (last < first || cl >= 0 && cl != last - first + 1) {
      throw ErrorCode.RANGE_INVALID.error("Content-Range " + cr + " does not match Content-Length " + cl);
    }
    return first;
  }

  private static Reply session(Reply reply, Upload u, long size) {
    return reply.header("Location", "/v2/" + u.repository() + "/blobs/uploads/" + u.id())
        .header("Range", UploadStore.range(size))
        .header("Docker-Upload-UUID", u.id());
  }

  private static void created(Reply reply, String name, Digest d) throws IOException {
    reply.header("Location", "/v2/" + name + "/blobs/" + d).header("Docker-Content-Digest", d.toString()).empty(201);
  }
}
