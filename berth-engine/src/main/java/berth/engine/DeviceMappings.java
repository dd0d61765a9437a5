package berth.engine;

import berth.api.model.DeviceMapping;
import berth.core.errors.InvalidArgument;
import berth.runtime.oci.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * HostConfig.Devices (--device host[:container[:rwm]]) as OCI devices plus the cgroup rules that
 * allow them; a directory maps every device node under it, as Docker does.
 */
final class DeviceMappings {
  /** The devices to create and the cgroup rules to add. */
  record Result(List<Spec.Device> devices, List<Spec.DeviceCgroup> rules) {}

  private DeviceMappings() {}

  static Result of(List<DeviceMapping> mappings) {
    List<Spec.Device> devices = new ArrayList<>();
    List<Spec.DeviceCgroup> rules = new ArrayList<>();
    if (mappings == null) {
      return new Result(devices, rules);
    }
    for (DeviceMapping m : mappings) {
      Path host = Path.of(m.pathOnHost());
      String inside = m.pathInContainer() == null || m.pathInContainer().isEmpty() ? m.pathOnHost()
          : m.pathInContainer();
      String perms = m.cgroupPermissions() == null || m.cgroupPermissions().isEmpty() ? "rwm"
          : m.cgroupPermissions();
      if (!perms.matches("[rwm]{1,3}")) {
        throw new InvalidArgument("invalid device mode: " + perms);
      }
      List<Path> nodes = new ArrayList<>();
      if (Files.isDirectory(host)) {
        try (Stream<Path> walk = Files.walk(host)) {
          walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).forEach(nodes::add);
        } catch (IOException e) {
          throw new InvalidArgument("error gathering device information while adding custom device \""
              + m.pathOnHost() + "\": " + e.getMessage());
        }
      } else {
        nodes.add(host);
      }
      for (Path n : nodes) {
        Spec.Device d = device(n, Files.isDirectory(host) ? inside + "/" + host.relativize(n) : inside, m.pathOnHost());
        if (d == null) {
          continue;
        }
        devices.add(d);
        rules.add(new Spec.DeviceCgroup(true, d.type(), d.major(), d.minor(), perms));
      }
    }
    return new Result(devices, rules);
  }

  private static Spec.Device device(Path p, String inside, String asGiven) {
    try {
      Path real = p.toRealPath();
      int mode = (Integer) Files.getAttribute(real, "unix:mode");
      String type = switch (mode & 0170000) {
        case 0020000 -> "c";
        case 0060000 -> "b";
        default -> null;
      };
      if (type == null) {
        if (p.toString().equals(asGiven)) {
          throw new InvalidArgument("error gathering device information while adding custom device \"" + asGiven
              + "\": not a device node");
        }
        return null;
      }
      long rdev = (Long) Files.getAttribute(real, "unix:rdev");
      long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
      long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
      int uid = (Integer) Files.getAttribute(real, "unix:uid");
      int gid = (Integer) Files.getAttribute(real, "unix:gid");
      return new Spec.Device(type, inside, major, minor, mode & 0777, uid, gid);
    } catch (IOException e) {
      throw new InvalidArgument("error gathering device information while adding custom device \"" + asGiven
          + "\": no such file or directory");
    }
  }
}
