package berth.runtime;

import berth.runtime.oci.Spec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The host's device nodes as OCI devices, for privileged containers (Docker gives them every host
 * device). Java has no stat(2) major/minor, but the "unix:rdev" attribute carries dev_t, which is
 * decoded the way glibc's major()/minor() do.
 */
public final class HostDevices {
  private static final Set<String> SKIP = Set.of("pts", "shm", "mqueue", ".lxc", ".lxd-mounts", ".udev");

  private HostDevices() {}

  public static List<Spec.Device> list(Path dev) {
    List<Spec.Device> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dev)) {
      walk.filter(p -> !skipped(dev, p)).forEach(p -> device(p).ifPresent(out::add));
    } catch (IOException | UncheckedIOException e) {
      // an unreadable /dev gives no devices, as Docker
    }
    return out;
  }

  private static boolean skipped(Path dev, Path p) {
    Path rel = dev.relativize(p);
    return rel.getNameCount() > 0 && SKIP.contains(rel.getName(0).toString());
  }

  private static java.util.Optional<Spec.Device> device(Path p) {
    try {
      PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!a.isOther()) {
        return java.util.Optional.empty();
      }
      int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      String type = switch (mode & 0170000) {
        case 0020000 -> "c";
        case 0060000 -> "b";
        default -> null;
      };
      if (type == null) {
        return java.util.Optional.empty();
      }
      long rdev = (Long) Files.getAttribute(p, "unix:rdev", LinkOption.NOFOLLOW_LINKS);
      long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
      long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
      int uid = (Integer) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
      int gid = (Integer) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
      return java.util.Optional.of(new Spec.Device(type, p.toString(), major, minor, mode & 07777, uid, gid));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }
}
