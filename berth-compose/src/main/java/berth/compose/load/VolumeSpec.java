package berth.compose.load;

import berth.compose.ComposeException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A service volume's short syntax, {@code [SOURCE:]TARGET[:MODE]}, into the long one. A source that
 * starts with {@code /}, {@code .} or {@code ~} is a bind mount, anything else a named volume; no
 * source is an anonymous volume. MODE is a comma list of {@code ro}, {@code rw}, {@code z},
 * {@code Z}, {@code nocopy} and propagation modes.
 */
public final class VolumeSpec {
  private VolumeSpec() {}

  public static ObjectNode parseShort(String spec) {
    ObjectNode v = JsonNodeFactory.instance.objectNode();
    String[] parts = spec.split(":", -1);
    if (parts.length > 3 || spec.isEmpty() || parts[0].isEmpty() && parts.length > 1) {
      throw new ComposeException("invalid spec: " + spec + ": too many colons");
    }
    if (parts.length == 1) {
      v.put("type", "volume").put("target", parts[0]);
      return v;
    }
    String src = parts[0];
    boolean bind = src.startsWith("/") || src.startsWith(".") || src.startsWith("~");
    v.put("type", bind ? "bind" : "volume").put("source", src).put("target", parts[1]);
    if (parts.length == 3) {
      for (String mode : parts[2].split(",")) {
        switch (mode) {
          case "ro" -> v.put("read_only", true);
          case "rw" -> v.put("read_only", false);
          case "nocopy" -> v.putObject("volume").put("nocopy", true);
          case "z", "Z" -> v.putObject("bind").put("selinux", mode);
          case "shared", "rshared", "slave", "rslave", "private", "rprivate" -> v.putObject("bind").put("propagation", mode);
          case "" -> { }
          default -> throw new ComposeException("invalid spec: " + spec + ": unknown mode " + mode);
        }
      }
    }
    if (bind) {
      v.withObject("bind").put("create_host_path", true);
    }
    return v;
  }
}
