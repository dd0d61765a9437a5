package berth.volume;

/**
 * A parsed, validated mount of a container, and what inspect's Mounts reports for it.
 * name is null for binds, tmpfs and not-yet-named anonymous volumes; source is the host path
 * (for volumes filled in once the volume exists); mode is the raw `-v` mode ("" for --mount).
 */
public record MountPoint(
    MountType type, String name, String source, String destination, String driver,
    String mode, boolean rw, String propagation, boolean copyData, String subpath,
    MountSpec spec) {

  public MountPoint withVolume(String volumeName, String hostPath, String driverName) {
    return new MountPoint(type, volumeName, hostPath, destination, driverName, mode, rw,
        propagation, copyData, subpath, spec);
  }
}
