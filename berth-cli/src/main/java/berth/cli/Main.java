package berth.cli;

import berth.cli.commands.BaseCommand;
import berth.cli.template.TemplateException;
import berth.core.errors.BerthException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of {@code berth}. Registers only the command named on the command line (all of them
 * for help or a typo), maps failures to docker's messages and exit codes, and exits.
 */
public final class Main {
  /** Root options that take a value, so the command name can be found behind them. */
  private static final Set<String> ROOT_VALUE_OPTIONS = Set.of("-H", "--host", "-l", "--log-level", "--config", "-c", "--context");
  /** Commands whose flags end at the first positional: everything after belongs to the container. */
  private static final Set<String> STOP_AT_POSITIONAL = Set.of("run", "create", "exec");

  private Main() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err, System.getenv());
    System.out.flush();
    System.err.flush();
    // halt, not exit: every resource is closed and the terminal restored by now, and exit()
    // would spend milliseconds starting the JDK's logging to report the exit itself.
    Runtime.getRuntime().halt(code);
  }

  public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
    return run(args, new java.io.FileInputStream(java.io.FileDescriptor.in), out, err, env);
  }

  public static int run(String[] args, java.io.InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
    Integer fast = runFast(args, in, out, err, env);
    if (fast != null) {
      return fast;
    }
    BerthCommand root = new BerthCommand(in, out, err, env);
    CommandLine cl = new CommandLine(root);
    register(cl, Commands.topLevel(), args, commandIndex(args));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setParameterExceptionHandler((ex, a) -> usageError(ex, err));
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> failure(ex, err, root.debugEnabled()));
    return cl.execute(args);
  }

  /**
   * Runs the command without picocli when {@link FastParser} can bind the whole command line;
   * null means "take the full picocli path" (help, errors, anything unusual).
   */
  static Integer runFast(String[] args, java.io.InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
    BerthCommand root = new BerthCommand(in, out, err, env);
    int i = 0;
    for (; i < args.length && args[i].startsWith("-"); i++) {
      String a = args[i];
      switch (a) {
        case "-D", "--debug" -> root.debug = true;
        case "-v", "--version" -> {
          if (args.length != i + 1) {
            return null;
          }
          out.println("Berth version " + BerthCommand.VERSION);
          return 0;
        }
        case "-H", "--host" -> {
          if (++i >= args.length) {
            return null;
          }
          root.host = args[i];
        }
        case "-l", "--log-level" -> {
          if (++i >= args.length) {
            return null;
          }
          root.logLevel = args[i];
        }
        default -> {
          if (a.startsWith("--host=")) {
            root.host = a.substring("--host=".length());
          } else if (a.startsWith("--log-level=")) {
            root.logLevel = a.substring("--log-level=".length());
          } else {
            return null;
          }
        }
      }
    }
    if (i >= args.length) {
      return null;
    }
    String name = args[i];
    Commands.Entry entry = Commands.topLevel().get(name);
    if (entry != null && !entry.children().isEmpty()) {
      i++;
      name = i < args.length ? args[i] : null;
      entry = name == null ? null : entry.children().get(name);
    }
    if (entry == null || !entry.children().isEmpty()) {
      return null;
    }
    Object cmd = entry.command().get();
    if (!(cmd instanceof BaseCommand base)
        || !FastParser.bind(cmd, java.util.Arrays.asList(args).subList(i + 1, args.length), STOP_AT_POSITIONAL.contains(name))) {
      return null;
    }
    base.attach(root);
    try {
      return base.call();
    } catch (Exception e) {
      return failure(e, err, root.debug);
    }
  }

  static int commandIndex(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("-")) {
        return i;
      }
      if (ROOT_VALUE_OPTIONS.contains(a)) {
        i++;
      }
    }
    return -1;
  }

  /** Adds the named entry only (its children likewise), or every entry when the name is unknown. */
  private static void register(CommandLine parent, Map<String, Commands.Entry> entries, String[] args, int idx) {
    String name = idx >= 0 && idx < args.length ? args[idx] : null;
    Commands.Entry chosen = name == null ? null : entries.get(name);
    if (chosen != null) {
      add(parent, name, chosen, args, nextPositional(args, idx + 1));
      return;
    }
    entries.forEach((n, e) -> add(parent, n, e, args, -1));
  }

  private static int nextPositional(String[] args, int from) {
    for (int i = from; i < args.length; i++) {
      if (!args[i].startsWith("-")) {
        return i;
      }
    }
    return -1;
  }

  private static void add(CommandLine parent, String name, Commands.Entry e, String[] args, int next) {
    Object cmd = e.command().get();
    CommandLine sub = new CommandLine(cmd);
    if (cmd instanceof Group g) {
      sub.getCommandSpec().name(g.name());
      sub.getCommandSpec().usageMessage().description(g.description());
      register(sub, e.children(), args, next);
    }
    if (STOP_AT_POSITIONAL.contains(name)) {
      sub.setStopAtPositional(true);
    }
    parent.addSubcommand(name, sub);
  }

  /** Docker's wording and exit codes for command-line mistakes: 125 for flags, 1 for arguments. */
  private static int usageError(ParameterException ex, PrintStream err) {
    CommandLine cmd = ex.getCommandLine();
    String path = qualifiedName(cmd);
    String usage = "Usage:  " + Usage.line(path, cmd.getCommandName());
    boolean group = cmd.getParent() == null || cmd.getCommand() instanceof Group;
    if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String arg = u.getUnmatched().getFirst();
      if (arg.startsWith("-") && arg.length() > 1) {
        err.println("unknown flag: " + arg.split("=", 2)[0]);
        err.println();
        err.println(usage);
        err.println();
        err.println("Run '" + path + " --help' for more information");
        return 125;
      }
      if (group) {
        err.println("berth: unknown command: " + path + " " + arg);
        err.println();
        if (cmd.getParent() != null) {
          err.println(usage);
          err.println();
        }
        err.println("Run '" + path + " --help' for more information");
        return 1;
      }
      return argumentCount(cmd, path, usage, err);
    }
    if (ex instanceof MissingParameterException) {
      return argumentCount(cmd, path, usage, err);
    }
    err.println(flagMessage(ex));
    err.println();
    err.println(usage);
    err.println();
    err.println("Run '" + path + " --help' for more information");
    return 125;
  }

  private static int argumentCount(CommandLine cmd, String path, String usage, PrintStream err) {
    String arity = arity(cmd);
    err.println("berth: '" + path + "' " + arity);
    err.println();
    err.println(usage);
    err.println();
    // cobra says "See" only for minimum-count errors, "Run" for the others
    err.println((arity.startsWith("requires at least") ? "See '" : "Run '") + path + " --help' for more information");
    return 1;
  }

  /** "requires at least 1 argument", "requires 2 arguments", "requires at most 1 argument": cobra's wording. */
  private static String arity(CommandLine cmd) {
    int min = 0;
    int max = 0;
    for (CommandLine.Model.PositionalParamSpec p : cmd.getCommandSpec().positionalParameters()) {
      min += p.arity().min();
      max = p.isMultiValue() || max == Integer.MAX_VALUE ? Integer.MAX_VALUE : max + Math.max(1, p.arity().max());
    }
    int n = max != Integer.MAX_VALUE && cmd.getCommandSpec().positionalParameters().size() > 0 && min < max ? max : min;
    String noun = n == 1 ? " argument" : " arguments";
    if (max == 0) {
      return "accepts no arguments";
    }
    if (max == Integer.MAX_VALUE) {
      return "requires at least " + min + noun;
    }
    return min == max ? "requires " + min + noun : "requires at most " + max + noun;
  }

  /** pflag's {@code invalid argument "x" for "-n, --last" flag: ...} for values picocli could not convert. */
  private static String flagMessage(ParameterException ex) {
    if (ex.getArgSpec() instanceof CommandLine.Model.OptionSpec o && ex.getValue() != null) {
      String[] names = o.names().clone();
      java.util.Arrays.sort(names, java.util.Comparator.comparingInt(String::length));
      String type = o.type().getSimpleName().toLowerCase(java.util.Locale.ROOT);
      String reason = switch (type) {
        case "int", "integer", "long" -> "strconv.ParseInt: parsing \"" + ex.getValue() + "\": invalid syntax";
        case "boolean" -> "strconv.ParseBool: parsing \"" + ex.getValue() + "\": invalid syntax";
        default -> ex.getMessage();
      };
      return "invalid argument \"" + ex.getValue() + "\" for \"" + String.join(", ", names) + "\" flag: " + reason;
    }
    return ex.getMessage();
  }

  private static String qualifiedName(CommandLine cmd) {
    return cmd.getCommandSpec().qualifiedName(" ");
  }

  private static int failure(Exception ex, PrintStream err, boolean debug) {
    if (debug) {
      ex.printStackTrace(err);
    }
    return switch (ex) {
      case CliError e -> {
        err.println(e.getMessage());
        yield e.exitCode();
      }
      case BerthException e -> {
        err.println(BaseCommand.describe(e));
        yield 1;
      }
      case TemplateException e -> {
        err.println("template parsing error: " + e.getMessage());
        yield 1;
      }
      case UncheckedIOException e -> {
        err.println("error: " + e.getMessage());
        yield 1;
      }
      default -> {
        err.println("berth: " + ex);
        yield 1;
      }
    };
  }
}
