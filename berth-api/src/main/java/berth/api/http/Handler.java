package berth.api.http;

/** Serves one route. Runs on a virtual thread, so it may block. */
@FunctionalInterface
public interface Handler {
  void handle(Request request, Response response) throws Exception;
}
