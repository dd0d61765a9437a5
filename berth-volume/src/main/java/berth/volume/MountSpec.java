package berth.volume;

import java.util.List;
import java.util.Map;

/**
 * One entry of HostConfig.Mounts, in Docker's API shape: what `--mount` becomes on the wire.
 * Nested option records are null when the user gave none, as Docker keeps them.
 */
public record MountSpec(
    MountType type, String source, String target, boolean readOnly,
    BindOptions bindOptions, VolumeOptions volumeOptions, TmpfsOptions tmpfsOptions) {

  /** HostConfig.Mounts[].BindOptions. */
  public record BindOptions(String propagation, boolean nonRecursive, boolean createMountpoint) {}

  /** HostConfig.Mounts[].VolumeOptions; driverName and driverOptions form DriverConfig. */
  public record VolumeOptions(
      boolean noCopy, Map<String, String> labels, String driverName,
      Map<String, String> driverOptions, String subpath) {}

  /** HostConfig.Mounts[].TmpfsOptions; sizeBytes and mode are 0 when unset. */
  public record TmpfsOptions(long sizeBytes, int mode, List<List<String>> options) {}
}
