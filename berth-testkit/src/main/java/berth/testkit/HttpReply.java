package berth.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One HTTP response as it came off the socket; header names are lower-cased. */
public record HttpReply(int status, Map<String, List<String>> headers, byte[] body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public String header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? null : v.getFirst();
  }

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("response is not JSON (status " + status + "): " + text(), e);
    }
  }

  /** Docker's error shape: {"message": ...}. */
  public String message() {
    return json().path("message").asText();
  }

  @Override
  public String toString() {
    String t = text();
    return "HTTP " + status + " " + (t.length() > 2000 ? t.substring(0, 2000) + "..." : t);
  }
}
