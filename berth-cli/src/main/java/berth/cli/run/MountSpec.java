package berth.cli.run;

import berth.client.JsonTrees;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** {@code --mount type=bind,source=/a,target=/b,readonly} into a {@code HostConfig.Mounts} entry. */
final class MountSpec {
  private MountSpec() {}

  static ObjectNode parse(String spec) {
    ObjectNode m = JsonTrees.object();
    m.put("Type", "volume");
    for (String field : spec.split(",")) {
      int eq = field.indexOf('=');
      String key = (eq < 0 ? field : field.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
      String val = eq < 0 ? null : field.substring(eq + 1);
      switch (key) {
        case "type" -> m.put("Type", val);
        case "source", "src" -> m.put("Source", val);
        case "target", "destination", "dst" -> m.put("Target", val);
        case "readonly", "ro" -> m.put("ReadOnly", val == null || Boolean.parseBoolean(val) || val.equals("1"));
        case "bind-propagation" -> m.withObjectProperty("BindOptions").put("Propagation", val);
        case "volume-nocopy" -> m.withObjectProperty("VolumeOptions").put("NoCopy", val == null || Boolean.parseBoolean(val));
        case "tmpfs-size" -> m.withObjectProperty("TmpfsOptions").put("SizeBytes", CreateBody.size(val, "--mount"));
        case "tmpfs-mode" -> m.withObjectProperty("TmpfsOptions").put("Mode", Integer.parseInt(val, 8));
        default -> {
          if (key.startsWith("volume-opt")) {
            int e2 = val == null ? -1 : val.indexOf('=');
            if (e2 > 0) {
              m.withObjectProperty("VolumeOptions").withObjectProperty("DriverConfig").withObjectProperty("Options").put(val.substring(0, e2), val.substring(e2 + 1));
            }
          } else {
            throw CreateBody.badFlag(spec, "--mount", "unexpected key '" + key + "' in '" + field + "'");
          }
        }
      }
    }
    if (!m.has("Target")) {
      throw CreateBody.badFlag(spec, "--mount", "target is required");
    }
    return m;
  }
}
