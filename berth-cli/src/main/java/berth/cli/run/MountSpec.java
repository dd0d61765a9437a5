package berth.cli.run;

import berth.client.JsonTrees;
import berth.core.errors.InvalidArgument;
import berth.volume.MountFlagParser;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * {@code --mount type=bind,source=/a,target=/b,readonly} into a {@code HostConfig.Mounts} entry.
 * The syntax and its messages are berth-volume's {@link MountFlagParser} (shared with the engine's
 * tests); this class only writes the result in the API's JSON.
 */
final class MountSpec {
  private MountSpec() {}

  static ObjectNode parse(String spec) {
    berth.volume.MountSpec ms;
    try {
      ms = MountFlagParser.parseMountFlag(spec);
    } catch (InvalidArgument e) {
      throw CreateBody.badFlag(spec, "--mount", e.getMessage());
    }
    ObjectNode m = JsonTrees.object();
    m.put("Type", ms.type().wire());
    if (!ms.source().isEmpty()) {
      m.put("Source", ms.source());
    }
    m.put("Target", ms.target());
    if (ms.readOnly()) {
      m.put("ReadOnly", true);
    }
    if (ms.bindOptions() != null) {
      ObjectNode b = m.putObject("BindOptions");
      if (ms.bindOptions().propagation() != null) {
        b.put("Propagation", ms.bindOptions().propagation());
      }
      if (ms.bindOptions().nonRecursive()) {
        b.put("NonRecursive", true);
      }
      if (ms.bindOptions().createMountpoint()) {
        b.put("CreateMountpoint", true);
      }
    }
    if (ms.volumeOptions() != null) {
      var vo = ms.volumeOptions();
      ObjectNode v = m.putObject("VolumeOptions");
      if (vo.noCopy()) {
        v.put("NoCopy", true);
      }
      putMap(v, "Labels", vo.labels());
      if (vo.driverName() != null || vo.driverOptions() != null) {
        ObjectNode dc = v.putObject("DriverConfig");
        if (vo.driverName() != null) {
          dc.put("Name", vo.driverName());
        }
        putMap(dc, "Options", vo.driverOptions());
      }
      if (vo.subpath() != null) {
        v.put("Subpath", vo.subpath());
      }
    }
    if (ms.tmpfsOptions() != null) {
      ObjectNode t = m.putObject("TmpfsOptions");
      if (ms.tmpfsOptions().sizeBytes() > 0) {
        t.put("SizeBytes", ms.tmpfsOptions().sizeBytes());
      }
      if (ms.tmpfsOptions().mode() != 0) {
        t.put("Mode", ms.tmpfsOptions().mode());
      }
    }
    return m;
  }

  private static void putMap(ObjectNode parent, String key, Map<String, String> map) {
    if (map != null && !map.isEmpty()) {
      ObjectNode o = parent.putObject(key);
      map.forEach(o::put);
    }
  }
}
