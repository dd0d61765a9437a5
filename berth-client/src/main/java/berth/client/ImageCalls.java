package berth.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** The {@code /images} endpoints the CLI uses. */
public final class ImageCalls {
  private final BerthClient c;

  ImageCalls(BerthClient c) {
    this.c = c;
  }

  public JsonNode list(boolean all, boolean digests, Map<String, List<String>> filters) {
    return c.getJson("/images/json", Query.of().flag("all", all).flag("digests", digests).filters(filters));
  }

  public JsonNode inspect(String ref) {
    return c.getJson("/images/" + ContainerCalls.enc(ref) + "/json", null);
  }

  public JsonNode history(String ref) {
    return c.getJson("/images/" + ContainerCalls.enc(ref) + "/history", null);
  }

  /** Untag/delete; returns the list of {@code {"Untagged":...}} / {@code {"Deleted":...}} entries. */
  public JsonNode remove(String ref, boolean force, boolean noPrune) {
    return c.deleteJson("/images/" + ContainerCalls.enc(ref), Query.of().flag("force", force).flag("noprune", noPrune));
  }

  public void tag(String source, String repo, String tag) {
    c.post("/images/" + ContainerCalls.enc(source) + "/tag", Query.of().add("repo", repo).add("tag", tag), null).close();
  }

  public JsonNode prune(Map<String, List<String>> filters) {
    return c.postJson("/images/prune", Query.of().filters(filters), null);
  }

  /** {@code POST /images/create?fromImage=}: a stream of JSON progress messages. */
  public Response pull(String image, String tag, String platform) {
    return c.post("/images/create", Query.of().add("fromImage", image).add("tag", tag)
        .add("platform", ContainerCalls.blankToNull(platform)), null);
  }

  /** {@code POST /images/create?fromSrc=-}: uploads a rootfs tarball; progress JSON comes back. */
  public Response importTar(InputStream tar, String repo, String tag, String message, List<String> changes, String platform) {
    Query q = Query.of().add("fromSrc", "-").add("repo", ContainerCalls.blankToNull(repo))
        .add("tag", ContainerCalls.blankToNull(tag)).add("message", ContainerCalls.blankToNull(message))
        .add("platform", ContainerCalls.blankToNull(platform));
    for (String change : changes) {
      q.add("changes", change);
    }
    return c.upload("POST", "/images/create", q, tar, "application/x-tar");
  }

  /** {@code GET /images/get?names=...}: a docker-archive tar. */
  public Response save(List<String> names) {
    Query q = Query.of();
    names.forEach(n -> q.add("names", n));
    return c.get("/images/get", q);
  }

  /** {@code POST /images/load}: progress JSON (quiet=0) comes back. */
  public Response load(InputStream tar, boolean quiet) {
    return c.upload("POST", "/images/load", Query.of().flag("quiet", quiet), tar, "application/x-tar");
  }
}
