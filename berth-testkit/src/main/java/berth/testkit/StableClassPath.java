package berth.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The test JVM's class path for the berthd and berth child processes, with the project's own jars
 * copied aside once per JVM. A child JVM reads its jars lazily, and a concurrent {@code mvn install}
 * replacing a jar in the local repository under a running daemon makes it fail with
 * NoClassDefFoundError; the copies keep every daemon of this run on one consistent build.
 */
final class StableClassPath {
  private static String value;

  private StableClassPath() {}

  static synchronized String get() {
    if (value == null) {
      value = snapshot(System.getProperty("java.class.path"));
    }
    return value;
  }

  private static String snapshot(String classPath) {
    Path dir = Path.of("/tmp/berth-f-cp-" + ProcessHandle.current().pid());
    List<String> out = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      dir.toFile().deleteOnExit();  // registered first, so deleted last, after the jars in it
      for (String entry : classPath.split(File.pathSeparator)) {
        Path p = Path.of(entry);
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        if (name.startsWith("berth-") && name.endsWith(".jar") && Files.isRegularFile(p)) {
          Path copy = dir.resolve(name);
          Files.copy(p, copy, StandardCopyOption.REPLACE_EXISTING);
          copy.toFile().deleteOnExit();
          out.add(copy.toString());
        } else {
          out.add(entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("copy the class path to " + dir, e);
    }
    return String.join(File.pathSeparator, out);
  }
}
