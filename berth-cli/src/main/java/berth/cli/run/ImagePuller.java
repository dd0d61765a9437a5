package berth.cli.run;

import berth.api.model.ContainerCreateResponse;
import berth.client.BerthClient;
import berth.client.Response;
import berth.core.errors.InvalidArgument;
import berth.core.errors.NotFound;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Iterator;

/** Pull with docker's non-TTY progress lines, and create-with-pull for {@code run}/{@code create}. */
public final class ImagePuller {
  private ImagePuller() {}

  /** {@code name[:tag|@digest]} → (fromImage, tag); no tag means "latest". */
  public record Ref(String name, String tag) {
    public static Ref parse(String image) {
      int at = image.indexOf('@');
      if (at > 0) {
        return new Ref(image.substring(0, at), image.substring(at + 1));
      }
      int colon = image.lastIndexOf(':');
      if (colon > image.lastIndexOf('/')) {
        return new Ref(image.substring(0, colon), image.substring(colon + 1));
      }
      return new Ref(image, "latest");
    }

    /** How docker names it in messages: {@code busybox:latest}. */
    public String familiar() {
      return tag.startsWith("sha256:") ? name + "@" + tag : name + ":" + tag;
    }
  }

  /** Pulls, printing progress to {@code out}; the daemon's error (in-stream or status) is thrown. */
  public static void pull(BerthClient c, String image, String platform, PrintStream out, boolean quiet) {
    Ref ref = Ref.parse(image);
    try (Response r = c.images().pull(ref.name(), ref.tag(), platform)) {
      Iterator<JsonNode> it = r.jsonStream();
      while (it.hasNext()) {
        JsonNode m = it.next();
        if (m.hasNonNull("error")) {
          throw new InvalidArgument(m.path("error").asText());
        }
        if (quiet || m.path("progressDetail").size() > 0 || !m.path("progress").asText("").isEmpty()) {
          continue; // progress bars only make sense on a terminal
        }
        String id = m.path("id").asText("");
        out.println(id.isEmpty() ? m.path("status").asText() : id + ": " + m.path("status").asText());
      }
    }
  }

  /**
   * Creates the container; with pull policy "missing", a 404 triggers "Unable to find image"
   * and a pull, then one retry — the docker CLI's flow.
   */
  public static ContainerCreateResponse create(BerthClient c, String name, JsonNode body, String image, String policy,
      String platform, boolean quiet, PrintStream err) {
    if ("always".equals(policy)) {
      pull(c, image, platform, err, quiet);
    }
    try {
      return c.containers().create(name, body);
    } catch (NotFound e) {
      if (!"missing".equals(policy)) {
        throw e;
      }
      err.println("Unable to find image '" + Ref.parse(image).familiar() + "' locally");
      pull(c, image, platform, err, quiet);
      return c.containers().create(name, body);
    }
  }
}
