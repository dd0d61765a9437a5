package berth.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** {@code /version}, {@code /info}, {@code /events}, {@code /system/df}. */
public final class SystemCalls {
  private final BerthClient c;

  SystemCalls(BerthClient c) {
    this.c = c;
  }

  public JsonNode version() {
    return c.getJson("/version", null);
  }

  public JsonNode info() {
    return c.getJson("/info", null);
  }

  public JsonNode df() {
    return c.getJson("/system/df", null);
  }

  /** A stream of event JSON objects; ends only at {@code until} or when closed. */
  public Response events(String since, String until, Map<String, List<String>> filters) {
    return c.get("/events", Query.of().add("since", ContainerCalls.blankToNull(since))
        .add("until", ContainerCalls.blankToNull(until)).filters(filters));
  }
}
