package berth.cli;

import berth.cli.commands.AttachCommand;
import berth.cli.commands.CommitCommand;
import berth.cli.commands.ContainerPruneCommand;
import berth.cli.commands.CpCommand;
import berth.cli.commands.CreateCommand;
import berth.cli.commands.DiffCommand;
import berth.cli.commands.EventsCommand;
import berth.cli.commands.ExecCommand;
import berth.cli.commands.ExportCommand;
import berth.cli.commands.HistoryCommand;
import berth.cli.commands.ImagePruneCommand;
import berth.cli.commands.ImagesCommand;
import berth.cli.commands.ImportCommand;
import berth.cli.commands.InfoCommand;
import berth.cli.commands.InspectCommand;
import berth.cli.commands.KillCommand;
import berth.cli.commands.LoadCommand;
import berth.cli.commands.LogsCommand;
import berth.cli.commands.PauseCommand;
import berth.cli.commands.PortCommand;
import berth.cli.commands.PsCommand;
import berth.cli.commands.PullCommand;
import berth.cli.commands.RenameCommand;
import berth.cli.commands.RestartCommand;
import berth.cli.commands.RmCommand;
import berth.cli.commands.RmiCommand;
import berth.cli.commands.RunCommand;
import berth.cli.commands.SaveCommand;
import berth.cli.commands.StartCommand;
import berth.cli.commands.StatsCommand;
import berth.cli.commands.StopCommand;
import berth.cli.commands.SystemDfCommand;
import berth.cli.commands.SystemPruneCommand;
import berth.cli.commands.TagCommand;
import berth.cli.commands.TopCommand;
import berth.cli.commands.UnpauseCommand;
import berth.cli.commands.UpdateCommand;
import berth.cli.commands.VersionCommand;
import berth.cli.commands.WaitCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every command by name, as factories: {@link Main} instantiates only the one being run, because
 * picocli reflects over each registered class and that cost lands on every start-up.
 */
final class Commands {
  private Commands() {}

  /** A command or a group of commands. */
  record Entry(Supplier<Object> command, Map<String, Entry> children) {
    static Entry leaf(Supplier<Object> s) {
      return new Entry(s, Map.of());
    }
  }

  static Map<String, Entry> topLevel() {
    Map<String, Entry> m = new LinkedHashMap<>();
    m.put("run", Entry.leaf(RunCommand::new));
    m.put("exec", Entry.leaf(ExecCommand::new));
    m.put("ps", Entry.leaf(PsCommand::new));
    m.put("images", Entry.leaf(ImagesCommand::new));
    m.put("pull", Entry.leaf(PullCommand::new));
    m.put("info", Entry.leaf(InfoCommand::new));
    m.put("version", Entry.leaf(VersionCommand::new));
    m.put("attach", Entry.leaf(AttachCommand::new));
    m.put("build", Entry.leaf(berth.cli.commands.BuildCommand::new));
    m.put("commit", Entry.leaf(CommitCommand::new));
    m.put("cp", Entry.leaf(CpCommand::new));

    m.put("create", Entry.leaf(CreateCommand::new));
    m.put("diff", Entry.leaf(DiffCommand::new));
    m.put("events", Entry.leaf(EventsCommand::new));
    m.put("export", Entry.leaf(ExportCommand::new));
    m.put("history", Entry.leaf(HistoryCommand::new));
    m.put("import", Entry.leaf(ImportCommand::new));
    m.put("inspect", Entry.leaf(InspectCommand::new));
    m.put("kill", Entry.leaf(KillCommand::new));
    m.put("load", Entry.leaf(LoadCommand::new));
    m.put("logs", Entry.leaf(LogsCommand::new));
    m.put("pause", Entry.leaf(PauseCommand::new));
    m.put("port", Entry.leaf(PortCommand::new));
    m.put("rename", Entry.leaf(RenameCommand::new));
    m.put("restart", Entry.leaf(RestartCommand::new));
    m.put("rm", Entry.leaf(RmCommand::new));
    m.put("rmi", Entry.leaf(RmiCommand::new));
    m.put("save", Entry.leaf(SaveCommand::new));
    m.put("start", Entry.leaf(StartCommand::new));
    m.put("stats", Entry.leaf(StatsCommand::new));
    m.put("stop", Entry.leaf(StopCommand::new));
    m.put("tag", Entry.leaf(TagCommand::new));
    m.put("top", Entry.leaf(TopCommand::new));
    m.put("unpause", Entry.leaf(UnpauseCommand::new));
    m.put("update", Entry.leaf(UpdateCommand::new));
    m.put("wait", Entry.leaf(WaitCommand::new));
    m.put("compose", Entry.leaf(berth.cli.compose.ComposeCommand::new));
    m.put("container", new Entry(() -> new Group("container", "Manage containers"), container()));
    m.put("image", new Entry(() -> new Group("image", "Manage images"), image()));
    m.put("system", new Entry(() -> new Group("system", "Manage Berth"), system()));
    m.put("volume", new Entry(() -> new Group("volume", "Manage volumes"), volume()));
    m.put("registry", new Entry(() -> new Group("registry", "Run the Berth registry"), Map.of("serve", Entry.leaf(berth.registry.cli.ServeCommand::new), "gc", Entry.leaf(berth.registry.cli.GcCommand::new))));
    m.put("network", new Entry(() -> new Group("network", "Manage networks"), network()));
    return m;
  }

  private static Map<String, Entry> container() {
    Map<String, Entry> m = new LinkedHashMap<>();
    m.put("attach", Entry.leaf(AttachCommand::new));
    m.put("commit", Entry.leaf(CommitCommand::new));
    m.put("cp", Entry.leaf(CpCommand::new));

    m.put("create", Entry.leaf(CreateCommand::new));
    m.put("diff", Entry.leaf(DiffCommand::new));
    m.put("exec", Entry.leaf(ExecCommand::new));
    m.put("export", Entry.leaf(ExportCommand::new));
    m.put("inspect", Entry.leaf(() -> new InspectCommand(InspectCommand.Kind.CONTAINER)));
    m.put("kill", Entry.leaf(KillCommand::new));
    m.put("logs", Entry.leaf(LogsCommand::new));
    m.put("ls", Entry.leaf(PsCommand::new));
    m.put("ps", Entry.leaf(PsCommand::new));
    m.put("list", Entry.leaf(PsCommand::new));
    m.put("pause", Entry.leaf(PauseCommand::new));
    m.put("port", Entry.leaf(PortCommand::new));
    m.put("prune", Entry.leaf(ContainerPruneCommand::new));
    m.put("rename", Entry.leaf(RenameCommand::new));
    m.put("restart", Entry.leaf(RestartCommand::new));
    m.put("rm", Entry.leaf(RmCommand::new));
    m.put("remove", Entry.leaf(RmCommand::new));
    m.put("run", Entry.leaf(RunCommand::new));
    m.put("start", Entry.leaf(StartCommand::new));
    m.put("stats", Entry.leaf(StatsCommand::new));
    m.put("stop", Entry.leaf(StopCommand::new));
    m.put("top", Entry.leaf(TopCommand::new));
    m.put("unpause", Entry.leaf(UnpauseCommand::new));
    m.put("update", Entry.leaf(UpdateCommand::new));
    m.put("wait", Entry.leaf(WaitCommand::new));
    return m;
  }

  private static Map<String, Entry> image() {
    Map<String, Entry> m = new LinkedHashMap<>();
    m.put("build", Entry.leaf(berth.cli.commands.BuildCommand::new));
    m.put("history", Entry.leaf(HistoryCommand::new));
    m.put("import", Entry.leaf(ImportCommand::new));
    m.put("inspect", Entry.leaf(() -> new InspectCommand(InspectCommand.Kind.IMAGE)));
    m.put("load", Entry.leaf(LoadCommand::new));
    m.put("ls", Entry.leaf(ImagesCommand::new));
    m.put("list", Entry.leaf(ImagesCommand::new));
    m.put("prune", Entry.leaf(ImagePruneCommand::new));
    m.put("pull", Entry.leaf(PullCommand::new));
    m.put("rm", Entry.leaf(RmiCommand::new));
    m.put("remove", Entry.leaf(RmiCommand::new));
    m.put("save", Entry.leaf(SaveCommand::new));
    m.put("tag", Entry.leaf(TagCommand::new));
    return m;
  }

  private static Map<String, Entry> volume() {
    Map<String, Entry> m = new LinkedHashMap<>();
    m.put("create", Entry.leaf(berth.cli.commands.VolumeCommands.Create::new));
    m.put("inspect", Entry.leaf(berth.cli.commands.VolumeCommands.Inspect::new));
    m.put("ls", Entry.leaf(berth.cli.commands.VolumeCommands.Ls::new));
    m.put("list", Entry.leaf(berth.cli.commands.VolumeCommands.Ls::new));
    m.put("prune", Entry.leaf(berth.cli.commands.VolumeCommands.Prune::new));
    m.put("rm", Entry.leaf(berth.cli.commands.VolumeCommands.Rm::new));
    m.put("remove", Entry.leaf(berth.cli.commands.VolumeCommands.Rm::new));
    return m;
  }

  private static Map<String, Entry> network() {
    Map<String, Entry> m = new LinkedHashMap<>();
    m.put("connect", Entry.leaf(berth.cli.commands.NetworkCommands.Connect::new));
    m.put("create", Entry.leaf(berth.cli.commands.NetworkCommands.Create::new));
    m.put("disconnect", Entry.leaf(berth.cli.commands.NetworkCommands.Disconnect::new));
    m.put("inspect", Entry.leaf(berth.cli.commands.NetworkCommands.Inspect::new));
    m.put("ls", Entry.leaf(berth.cli.commands.NetworkCommands.Ls::new));
    m.put("list", Entry.leaf(berth.cli.commands.NetworkCommands.Ls::new));
    m.put("prune", Entry.leaf(berth.cli.commands.NetworkCommands.Prune::new));
    m.put("rm", Entry.leaf(berth.cli.commands.NetworkCommands.Rm::new));
    m.put("remove", Entry.leaf(berth.cli.commands.NetworkCommands.Rm::new));
    return m;
  }

  private static Map<String, Entry> system() {
    Map<String, Entry> m = new LinkedHashMap<>();
    m.put("df", Entry.leaf(SystemDfCommand::new));
    m.put("events", Entry.leaf(EventsCommand::new));
    m.put("info", Entry.leaf(InfoCommand::new));
    m.put("prune", Entry.leaf(SystemPruneCommand::new));
    return m;
  }
}
