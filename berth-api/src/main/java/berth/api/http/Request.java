package berth.api.http;

import berth.core.Json;
import berth.core.errors.InvalidArgument;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * One API request as a handler sees it: method, path parameters, query, headers and the body as
 * a stream. Query booleans and numbers follow Docker's parsing (see {@link #bool}).
 */
public final class Request {
  /** Largest JSON body read into memory (create, update, exec bodies are a few KB). */
  public static final int JSON_LIMIT = 16 << 20;

  private final String method;
  private final String path;
  private final ApiVersion version;
  private final Map<String, String> params;
  private final Map<String, List<String>> query;
  private final HttpHeaders headers;
  private final InputStream body;

  public Request(String method, String path, ApiVersion version, Map<String, String> params,
      Map<String, List<String>> query, HttpHeaders headers, InputStream body) {
    this.method = method;
    this.path = path;
    this.version = version;
    this.params = params;
    this.query = query;
    this.headers = headers;
    this.body = body;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  public ApiVersion version() {
    return version;
  }

  public HttpHeaders headers() {
    return headers;
  }

  public InputStream body() {
    return body;
  }

  /** A path parameter of the route's template. */
  public String param(String name) {
    return params.get(name);
  }

  /** The first value of a query parameter, or null. */
  public String query(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  public List<String> queryAll(String name) {
    return query.getOrDefault(name, List.of());
  }

  public boolean has(String name) {
    return query.containsKey(name);
  }

  /** Docker's BoolValue: absent, "", "0", "no", "false", "none" are false; anything else true. */
  public boolean bool(String name) {
    String v = query(name);
    if (v == null) {
      return false;
    }
    String s = v.strip().toLowerCase(java.util.Locale.ROOT);
    return !(s.isEmpty() || s.equals("0") || s.equals("no") || s.equals("false") || s.equals("none"));
  }

  /** Like {@link #bool} but {@code dflt} when the parameter is absent. */
  public boolean bool(String name, boolean dflt) {
    return has(name) ? bool(name) : dflt;
  }

  /** An integer query parameter; null when absent or empty; 400 when not a number. */
  public Integer integer(String name) {
    String v = query(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new InvalidArgument("invalid value for " + name + ": " + v);
    }
  }

  public int integer(String name, int dflt) {
    Integer v = integer(name);
    return v == null ? dflt : v;
  }

  /** Docker's {@code filters} parameter decoded (both JSON forms). */
  public Map<String, List<String>> filters() {
    return Filters.decode(query("filters"));
  }

  /** The whole body, at most {@link #JSON_LIMIT} bytes. */
  public byte[] bytes() throws IOException {
    byte[] data = body.readNBytes(JSON_LIMIT + 1);
    if (data.length > JSON_LIMIT) {
      throw new InvalidArgument("request body is larger than " + JSON_LIMIT + " bytes");
    }
    return data;
  }

  /** The body as JSON of {@code type}; null for an empty body; 400 for malformed JSON. */
  public <T> T json(Class<T> type) throws IOException {
    byte[] data = bytes();
    if (isBlank(data)) {
      return null;
    }
    try {
      return Json.MAPPER.readValue(data, type);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new InvalidArgument("invalid JSON: " + ErrorMapper.firstLine(e.getOriginalMessage()), e);
    }
  }

  private static boolean isBlank(byte[] data) {
    for (byte b : data) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }
}
