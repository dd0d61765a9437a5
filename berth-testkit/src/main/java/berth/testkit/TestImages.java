package berth.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The test images, built once per JVM from the repository's own scripts. */
public final class TestImages {
  private static Path busybox;

  private TestImages() {}

  /** A rootfs tar of busybox-static (scripts/make-busybox-rootfs.sh), for import as busybox:latest. */
  public static synchronized Path busyboxTar() {
    if (busybox != null && Files.exists(busybox)) {
      return busybox;
    }
    Path script = repoFile("scripts/make-busybox-rootfs.sh");
    Path out = Path.of("/tmp/berth-f-busybox-" + ProcessHandle.current().pid() + ".tar");
    ExecResult r = ProcessRunner.run(List.of("bash", script.toString(), out.toString()), Map.of(), null,
        Duration.ofMinutes(2));
    if (r.exitCode() != 0) {
      throw new IllegalStateException("building the busybox test image failed: " + r);
    }
    out.toFile().deleteOnExit();
    busybox = out;
    return out;
  }

  /**
   * A Debian bookworm minbase rootfs tar (scripts/make-debian-rootfs.sh, ~45 s), for import as
   * debian:bookworm. Built once per machine and kept in /var/cache/berth-test (a file lock makes
   * concurrent test JVMs wait for one build); delete that file to rebuild.
   */
  public static synchronized Path debianTar() {
    Path dir = Path.of("/var/cache/berth-test");
    Path out = dir.resolve("debian-bookworm-minbase.tar");
    try {
      Files.createDirectories(dir);
      try (var ch = java.nio.channels.FileChannel.open(dir.resolve("debian.lock"),
              java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
          var lock = ch.lock()) {
        if (Files.isRegularFile(out)) {
          return out;
        }
        Path script = repoFile("scripts/make-debian-rootfs.sh");
        ExecResult r = ProcessRunner.run(List.of("bash", script.toString(), out.toString()), Map.of(), null,
            Duration.ofMinutes(10));
        if (r.exitCode() != 0) {
          throw new IllegalStateException("building the Debian test image failed: " + r);
        }
        return out;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Finds a file of this repository by walking up from the working directory (a module dir under Maven). */
  public static Path repoFile(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(relative);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new UncheckedIOException(new IOException(relative + " not found above " + Path.of("").toAbsolutePath()));
  }
}
