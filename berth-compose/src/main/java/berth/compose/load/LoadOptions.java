package berth.compose.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the command line says about where the project is: the working directory, {@code -f} files,
 * {@code -p}, {@code --project-directory}, {@code --env-file}, {@code --profile}, the process
 * environment, and where warnings go.
 */
public record LoadOptions(Path workingDir, List<String> files, String projectName, String projectDirectory,
    List<String> envFiles, List<String> profiles, Map<String, String> osEnv, Consumer<String> warnings) {

  public LoadOptions {
    files = files == null ? List.of() : List.copyOf(files);
    envFiles = envFiles == null ? List.of() : List.copyOf(envFiles);
    profiles = profiles == null ? List.of() : List.copyOf(profiles);
    osEnv = osEnv == null ? Map.of() : Map.copyOf(osEnv);
    warnings = warnings == null ? w -> { } : warnings;
  }

  public static LoadOptions in(Path dir) {
    return new LoadOptions(dir, List.of(), null, null, List.of(), List.of(), Map.of(), null);
  }

  public LoadOptions withFiles(String... f) {
    return new LoadOptions(workingDir, List.of(f), projectName, projectDirectory, envFiles, profiles, osEnv, warnings);
  }

  public LoadOptions withProjectName(String p) {
    return new LoadOptions(workingDir, files, p, projectDirectory, envFiles, profiles, osEnv, warnings);
  }

  public LoadOptions withProfiles(String... p) {
    return new LoadOptions(workingDir, files, projectName, projectDirectory, envFiles, List.of(p), osEnv, warnings);
  }

  public LoadOptions withEnv(Map<String, String> env) {
    return new LoadOptions(workingDir, files, projectName, projectDirectory, envFiles, profiles, env, warnings);
  }

  public LoadOptions withEnvFiles(String... f) {
    return new LoadOptions(workingDir, files, projectName, projectDirectory, List.of(f), profiles, osEnv, warnings);
  }

  public LoadOptions withProjectDirectory(String d) {
    return new LoadOptions(workingDir, files, projectName, d, envFiles, profiles, osEnv, warnings);
  }

  public LoadOptions withWarnings(Consumer<String> w) {
    return new LoadOptions(workingDir, files, projectName, projectDirectory, envFiles, profiles, osEnv, w);
  }
}
