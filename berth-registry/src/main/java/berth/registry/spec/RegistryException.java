package berth.registry.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure the client is told about in the spec's error body,
 * {@code {"errors":[{"code":..,"message":..,"detail":..}]}}, with the code's status (or an
 * explicit one, such as 413 for an oversized manifest) and any extra headers (a challenge).
 */
public final class RegistryException extends RuntimeException {
  private final ErrorCode code;
  private final transient Object detail;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private int status;

  RegistryException(ErrorCode code, String message, Object detail) {
    super(message);
    this.code = code;
    this.detail = detail;
    this.status = code.status();
  }

  public ErrorCode code() {
    return code;
  }

  public Object detail() {
    return detail;
  }

  public int status() {
    return status;
  }

  public RegistryException status(int s) {
    this.status = s;
    return this;
  }

  public RegistryException header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
