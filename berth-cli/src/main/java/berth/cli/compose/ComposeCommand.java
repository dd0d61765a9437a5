package berth.cli.compose;

import berth.cli.BerthCommand;
import berth.compose.ComposeException;
import berth.compose.ComposeService;
import berth.compose.Project;
import berth.compose.load.LoadOptions;
import berth.compose.load.ProjectLoader;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code berth compose}: the project options shared by every compose command. */
@Command(name = "compose", description = "Define and run multi-container applications",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {UpCommand.class, DownCommand.class, PsCommand.class, LogsCommand.class, LifecycleCommands.Start.class,
        LifecycleCommands.Stop.class, LifecycleCommands.Restart.class, LifecycleCommands.Kill.class, LifecycleCommands.Rm.class,
        LifecycleCommands.Pause.class, LifecycleCommands.Unpause.class, ExecCommand.class, RunCommand.class,
        InfoCommands.Config.class, InfoCommands.Ls.class, InfoCommands.Images.class, InfoCommands.Port.class,
        InfoCommands.Top.class, InfoCommands.Version.class, InfoCommands.Pull.class, InfoCommands.Build.class})
public final class ComposeCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = {"-f", "--file"}, paramLabel = "stringArray", description = "Compose configuration files")
  List<String> files;

  @Option(names = {"-p", "--project-name"}, paramLabel = "string", description = "Project name")
  String projectName;

  @Option(names = "--profile", paramLabel = "stringArray", description = "Specify a profile to enable")
  List<String> profiles;

  @Option(names = "--project-directory", paramLabel = "string", description = "Specify an alternate working directory")
  String projectDirectory;

  @Option(names = "--env-file", paramLabel = "stringArray", description = "Specify an alternate environment file")
  List<String> envFiles;

  @Option(names = "--progress", paramLabel = "string", description = "Set type of progress output (auto, tty, plain, quiet)")
  String progressMode;

  @Option(names = "--ansi", paramLabel = "string", description = "Control when to print ANSI control characters (\"never\"|\"always\"|\"auto\")")
  String ansi;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Print usage")
  boolean help;

  BerthCommand root() {
    return (BerthCommand) spec.root().userObject();
  }

  PrintStream out() {
    return root().out();
  }

  PrintStream err() {
    return root().err();
  }

  /** Loads the project from the files the flags and the working directory name. */
  Project project() {
    LoadOptions o = new LoadOptions(Path.of(System.getProperty("user.dir")), files, projectName, projectDirectory,
        envFiles, profiles, root().env(), w -> err().println("WARN[0000] " + w));
    return ProjectLoader.load(o);
  }

  /** For commands that work from labels alone (down, ps, ...): the project, or an empty one named by -p. */
  Project projectOrName() {
    try {
      return project();
    } catch (ComposeException e) {
      if (projectName != null && e.getMessage().startsWith("no configuration file provided")) {
        return new Project(projectName, Path.of(System.getProperty("user.dir")), List.of(), java.util.Map.of(),
            java.util.Map.of(), java.util.Map.of(), berth.client.JsonTrees.object(), java.util.Set.of(), java.util.Map.of());
      }
      throw e;
    }
  }

  boolean tty() {
    if ("plain".equals(progressMode) || "never".equals(ansi)) {
      return false;
    }
    if ("tty".equals(progressMode) || "always".equals(ansi)) {
      return true;
    }
    return berth.cli.run.Terminal.isTerminal();
  }

  ComposeService service() {
    StatusLines lines = "quiet".equals(progressMode) ? null : new StatusLines(err(), tty());
    return new ComposeService(root().client(), lines == null ? berth.compose.Progress.NONE : lines,
        w -> err().println("WARN[0000] " + w));
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(out());
    return 0;
  }
}
