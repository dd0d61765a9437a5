package berth.client;

import berth.api.model.IdResponse;
import com.fasterxml.jackson.databind.JsonNode;

/** The {@code /exec} endpoints. */
public final class ExecCalls {
  private final BerthClient c;

  ExecCalls(BerthClient c) {
    this.c = c;
  }

  /** {@code POST /containers/{id}/exec}. */
  public IdResponse create(String container, Object body) {
    return WireRecords.idResponse(c.postJson("/containers/" + ContainerCalls.enc(container) + "/exec", null, body));
  }

  /** Starts attached: the hijacked stream carries stdin and output. */
  public HijackedStream startAttached(String id, boolean tty) {
    return c.hijack("/exec/" + id + "/start", null, startBody(false, tty));
  }

  public void startDetached(String id, boolean tty) {
    c.post("/exec/" + id + "/start", null, startBody(true, tty)).close();
  }

  private static Object startBody(boolean detach, boolean tty) {
    return JsonTrees.object().put("Detach", detach).put("Tty", tty);
  }

  public JsonNode inspect(String id) {
    return c.getJson("/exec/" + id + "/json", null);
  }

  public void resize(String id, int height, int width) {
    c.post("/exec/" + id + "/resize", Query.of().add("h", height).add("w", width), null).close();
  }
}
