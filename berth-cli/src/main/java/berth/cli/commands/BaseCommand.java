package berth.cli.commands;

import berth.cli.BerthCommand;
import berth.client.BerthClient;
import berth.client.DaemonUnreachable;
import berth.core.errors.BerthException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Shared plumbing for commands: the client, the streams, and docker's per-reference error loop. */
public abstract class BaseCommand implements Callable<Integer> {
  /**
   * Injected by picocli through a method, not a field: the fast path looks fields up by name,
   * and a field of type CommandSpec would make the JVM load picocli's model (~40 ms).
   */
  private Object spec; // a CommandSpec, typed Object so reflecting on fields never loads it

  @Spec
  void injectSpec(CommandSpec spec) {
    this.spec = spec;
  }

  @Option(names = "--help", usageHelp = true, description = "Print usage")
  boolean helpRequested;

  private BerthCommand root;

  /** Set when the command was bound without picocli (see berth.cli.FastParser). */
  public void attach(BerthCommand root) {
    this.root = root;
  }

  protected BerthCommand root() {
    return root != null ? root : (BerthCommand) ((CommandSpec) spec).root().userObject();
  }

  protected BerthClient client() {
    return root().client();
  }

  protected PrintStream out() {
    return root().out();
  }

  protected PrintStream err() {
    return root().err();
  }

  /**
   * Runs {@code action} for each reference, printing failures to stderr and carrying on, as
   * docker's stop/rm/kill do; exit status 1 when any failed.
   */
  protected int eachRef(List<String> refs, Consumer<String> action) {
    int status = 0;
    for (String ref : refs) {
      try {
        action.accept(ref);
      } catch (BerthException e) {
        err().println(describe(e));
        status = 1;
      }
    }
    return status;
  }

  /**
   * docker's inspect output, shared by every inspect command: each object through the {@code --format}
   * template, or (no format, or "json") all of them as one indented JSON array; the errors of the refs
   * that failed after it, and exit 1 if any did. {@code error} words a failure (null: {@link #describe}).
   */
  protected int inspectEach(List<String> refs, String format, java.util.function.Function<String, com.fasterxml.jackson.databind.JsonNode> fetch,
      java.util.function.BiFunction<String, BerthException, String> error) {
    berth.cli.template.Template tmpl = format == null || format.isEmpty() || format.equals("json") ? null
        : berth.cli.template.Template.parse(format);
    com.fasterxml.jackson.databind.node.ArrayNode found = berth.client.JsonTrees.array();
    StringBuilder errors = new StringBuilder();
    int status = 0;
    for (String ref : refs) {
      try {
        com.fasterxml.jackson.databind.JsonNode obj = fetch.apply(ref);
        if (tmpl != null) {
          out().println(tmpl.execute(obj));
        } else {
          found.add(obj);
        }
      } catch (BerthException e) {
        errors.append(error == null ? describe(e) : error.apply(ref, e)).append('\n');
        status = 1;
      }
    }
    if (tmpl == null) {
      out().println(berth.cli.format.JsonIndent.indent(found));
    }
    err().print(errors);
    return status;
  }

  /** Docker prefixes errors that came back from the daemon. */
  public static String describe(BerthException e) {
    return DaemonUnreachable.isLocal(e) ? e.getMessage() : "Error response from daemon: " + e.getMessage();
  }

  /** Docker's {@code --filter key=value} list into the API's filters map. */
  protected static Map<String, List<String>> filters(List<String> args) {
    Map<String, List<String>> out = new TreeMap<>();
    if (args == null) {
      return out;
    }
    for (String f : args) {
      int eq = f.indexOf('=');
      if (eq <= 0) {
        throw new berth.cli.CliError("invalid argument \"" + f + "\" for \"-f, --filter\" flag: bad format of filter (expected name=value)", 125);
      }
      out.computeIfAbsent(f.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT), k -> new java.util.ArrayList<>())
          .add(f.substring(eq + 1));
    }
    return out;
  }
}
