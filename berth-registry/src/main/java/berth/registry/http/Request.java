package berth.registry.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Map;

/**
 * One request as a handler sees it: method, decoded path, query parameters, headers and the body
 * as a stream. {@code scheme} and {@code host} are what the client used, for absolute URLs.
 */
public record Request(
    String method, String path, Map<String, List<String>> query, HttpHeaders headers, BodyStream body,
    String scheme) {

  /** The first value of query parameter {@code name}, or null. */
  public String param(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.getFirst();
  }

  public String header(String name) {
    return headers.get(name);
  }

  /** The declared body length, or -1 when the body is chunked or absent. */
  public long contentLength() {
    String v = headers.get("Content-Length");
    if (v == null) {
      return -1;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
