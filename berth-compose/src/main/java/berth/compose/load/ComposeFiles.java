package berth.compose.load;

import berth.compose.ComposeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which files make the project: the {@code -f} list (or {@code COMPOSE_FILE}), else the first of
 * Docker's default names found in the working directory or the nearest parent, plus its
 * {@code .override} file beside it.
 */
public final class ComposeFiles {
  static final List<String> DEFAULT_NAMES = List.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml");
  static final List<String> OVERRIDE_NAMES = List.of("compose.override.yaml", "compose.override.yml",
      "docker-compose.override.yml", "docker-compose.override.yaml");

  private ComposeFiles() {}

  public static List<Path> find(Path workingDir, List<String> explicit, String composeFileEnv) {
    List<String> names = explicit;
    if (names.isEmpty() && composeFileEnv != null && !composeFileEnv.isBlank()) {
      names = List.of(composeFileEnv.split(":"));
    }
    if (!names.isEmpty()) {
      List<Path> out = new ArrayList<>();
      for (String n : names) {
        Path p = workingDir.resolve(n).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) {
          throw new ComposeException("open " + p + ": no such file or directory");
        }
        out.add(p);
      }
      return out;
    }
    for (Path dir = workingDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      for (String n : DEFAULT_NAMES) {
        Path p = dir.resolve(n);
        if (Files.isRegularFile(p)) {
          List<Path> out = new ArrayList<>(List.of(p));
          for (String o : OVERRIDE_NAMES) {
            if (Files.isRegularFile(dir.resolve(o))) {
              out.add(dir.resolve(o));
              break;
            }
          }
          return out;
        }
      }
    }
    throw new ComposeException("no configuration file provided: not found");
  }
}
