package berth.registry.http;

/** Serves one request on a virtual thread; anything thrown that escapes it becomes a 500. */
@FunctionalInterface
public interface Handler {
  void handle(Request req, Reply reply) throws Exception;
}
