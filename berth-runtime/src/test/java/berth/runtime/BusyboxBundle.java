package berth.runtime;

import berth.runtime.oci.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A runc bundle whose rootfs is the host's static busybox with every applet linked. */
final class BusyboxBundle {
  private static final Path BUSYBOX = Path.of("/usr/bin/busybox");

  private BusyboxBundle() {}

  static Path create(Path dir, Spec spec) throws IOException {
    Path rootfs = dir.resolve("rootfs");
    Path bin = rootfs.resolve("bin");
    Files.createDirectories(bin);
    for (String d : List.of("proc", "sys", "dev", "tmp", "etc", "root")) {
      Files.createDirectories(rootfs.resolve(d));
    }
    Files.copy(BUSYBOX, bin.resolve("busybox"));
    bin.resolve("busybox").toFile().setExecutable(true, false);
    Process list = new ProcessBuilder(BUSYBOX.toString(), "--list").start();
    for (String applet : new String(list.getInputStream().readAllBytes()).split("\n")) {
      if (!applet.isBlank() && !applet.equals("busybox")) {
        Files.createSymbolicLink(bin.resolve(applet.strip()), Path.of("busybox"));
      }
    }
    Files.writeString(rootfs.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n");
    Files.writeString(rootfs.resolve("etc/group"), "root:x:0:\nnobody:x:65534:\n");
    writeSpec(dir, spec);
    return dir;
  }

  static void writeSpec(Path dir, Spec spec) {
    berth.runtime.oci.SpecFiles.write(dir, spec);
  }

  static DockerDefaults.Builder spec(String id, String... args) {
    return DockerDefaults.builder()
        .args(List.of(args))
        .env(List.of("PATH=/bin", "HOME=/root"))
        .hostname(id.substring(0, Math.min(12, id.length())))
        .cgroupsPath("/berth/" + id);
  }
}
