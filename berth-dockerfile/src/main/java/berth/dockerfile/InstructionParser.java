package berth.dockerfile;

import berth.core.errors.InvalidArgument;
import berth.dockerfile.Instruction.Arg;
import berth.dockerfile.Instruction.From;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Types each logical line into an {@link Instruction} with Docker's argument rules and messages,
 * then groups them into stages (ARGs before the first FROM become meta args).
 */
final class InstructionParser {
  static final List<String> KEYWORDS = List.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV",
      "EXPOSE", "FROM", "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL",
      "STOPSIGNAL", "USER", "VOLUME", "WORKDIR");
  private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9-_.]*$");

  private final String fileName;
  private final char escape;
  private final List<Warning> warnings;

  InstructionParser(String fileName, char escape, List<Warning> warnings) {
    this.fileName = fileName;
    this.escape = escape;
    this.warnings = warnings;
  }

  Dockerfile build(Directives directives, List<LogicalLine> lines) {
    List<Instruction> metaArgs = new ArrayList<>();
    List<Stage> stages = new ArrayList<>();
    From from = null;
    List<Instruction> current = null;
    for (LogicalLine line : lines) {
      Instruction in = instruction(line);
      if (in instanceof From f) {
        if (from != null) {
          stages.add(new Stage(stages.size(), from.stageName(), from, current));
        }
        from = f;
        current = new ArrayList<>();
      } else if (from == null) {
        if (!(in instanceof Arg)) {
          throw Parser.fail(fileName, line.startLine(), "no build stage in current context");
        }
        metaArgs.add(in);
      } else {
        current.add(in);
      }
    }
    if (from == null) {
      throw new InvalidArgument("No image was generated. Is your Dockerfile empty?");
    }
    stages.add(new Stage(stages.size(), from.stageName(), from, current));
    return new Dockerfile(directives, metaArgs, stages, warnings);
  }

  /** One line as an instruction; errors carry Docker's "parse error on line N" prefix. */
  Instruction instruction(LogicalLine line) {
    try {
      return typed(line);
    } catch (InvalidArgument e) {
      if (DockerfileError.of(e) != null) {
        throw e;
      }
      throw Parser.fail(fileName, line.startLine(), e.getMessage());
    }
  }

  private Instruction typed(LogicalLine l) {
    String kw = l.keyword().toUpperCase(Locale.ROOT);
    BuilderFlags flags = new BuilderFlags(l.flags());
    int line = l.startLine();
    String original = l.original();
    String rest = l.rest();
    return switch (kw) {
      case "FROM" -> from(l, flags);
      case "RUN" -> run(l, flags);
      case "CMD" -> {
        flags.parse();
        List<String> exec = JsonArgs.parse(rest);
        if (exec == null) {
          jsonRecommended("CMD", line);
        }
        yield new Instruction.Cmd(line, original, exec, exec == null ? rest : null);
      }
      case "ENTRYPOINT" -> {
        flags.parse();
        List<String> exec = JsonArgs.parse(rest);
        if (exec == null) {
          jsonRecommended("ENTRYPOINT", line);
        }
        yield new Instruction.Entrypoint(line, original, exec, exec == null ? rest : null);
      }
      case "ENV" -> {
        flags.parse();
        yield new Instruction.Env(line, original, keyValues(rest, "ENV", line));
      }
      case "LABEL" -> {
        flags.parse();
        yield new Instruction.Label(line, original, keyValues(rest, "LABEL", line));
      }
      case "ARG" -> {
        flags.parse();
        yield new Arg(line, original, args(rest));
      }
      case "EXPOSE" -> {
        List<String> ports = new ArrayList<>(JsonArgs.whitespaceWords(rest));
        if (ports.isEmpty()) {
          throw atLeastOne("EXPOSE");
        }
        flags.parse();
        ports.sort(null);
        yield new Instruction.Expose(line, original, ports);
      }
      case "WORKDIR" -> {
        String path = exactlyOne(rest, "WORKDIR");
        flags.parse();
        yield new Instruction.Workdir(line, original, path);
      }
      case "USER" -> {
        String user = exactlyOne(rest, "USER");
        flags.parse();
        yield new Instruction.User(line, original, user);
      }
      case "STOPSIGNAL" -> new Instruction.Stopsignal(line, original, exactlyOne(rest, "STOPSIGNAL"));
      case "MAINTAINER" -> {
        String name = exactlyOne(rest, "MAINTAINER");
        flags.parse();
        warnings.add(new Warning("MaintainerDeprecated",
            "Maintainer instruction is deprecated in favor of using label", line));
        yield new Instruction.Maintainer(line, original, name);
      }
      case "COPY", "ADD" -> copy(l, flags, kw.equals("ADD"));
      case "VOLUME" -> volume(l, flags);
      case "HEALTHCHECK" -> Healthchecks.parse(l, flags);
      case "SHELL" -> {
        flags.parse();
        List<String> exec = JsonArgs.parse(rest);
        if (exec == null && rest.isEmpty() || exec != null && exec.isEmpty()) {
          throw atLeastOne("SHELL");
        }
        if (exec == null) {
          throw new InvalidArgument("SHELL requires the arguments to be in JSON form");
        }
        yield new Instruction.Shell(line, original, exec);
      }
      case "ONBUILD" -> onbuild(l, flags);
      default -> {
        String msg = "unknown instruction: " + l.keyword();
        String hint = Suggest.closest(l.keyword(), KEYWORDS, false);
        throw new InvalidArgument(hint == null ? msg : msg + " (did you mean " + hint + "?)");
      }
    };
  }

  private void jsonRecommended(String kw, int line) {
    warnings.add(new Warning("JSONArgsRecommended", "JSON arguments recommended for " + kw
        + " to prevent unintended behavior related to OS signals", line));
  }

  private From from(LogicalLine l, BuilderFlags flags) {
    List<String> args = JsonArgs.whitespaceWords(l.rest());
    String name = null;
    if (args.size() == 3 && args.get(1).equalsIgnoreCase("as")) {
      String raw = args.get(2);
      name = raw.toLowerCase(Locale.ROOT);
      if (!STAGE_NAME.matcher(name).matches()) {
        throw new InvalidArgument("invalid name for build stage: " + Go.quote(raw)
            + ", name can't start with a number or contain symbols");
      }
      if (!raw.equals(name)) {
        warnings.add(new Warning("StageNameCasing",
            "Stage name '" + raw + "' should be lowercase", l.startLine()));
      }
      String kw = l.keyword();
      String as = args.get(1);
      boolean lower = kw.equals(kw.toLowerCase(Locale.ROOT));
      boolean upper = kw.equals(kw.toUpperCase(Locale.ROOT));
      if ((lower && !as.equals(as.toLowerCase(Locale.ROOT)))
          || (upper && !lower && !as.equals(as.toUpperCase(Locale.ROOT)))) {
        warnings.add(new Warning("FromAsCasing",
            "'" + as + "' and '" + kw + "' keywords' casing do not match", l.startLine()));
      }
    } else if (args.size() != 1) {
      throw new InvalidArgument("FROM requires either one or three arguments");
    }
    flags.string("platform");
    flags.parse();
    return new From(l.startLine(), l.original(), args.getFirst(), name, flags.value("platform"));
  }

  private Instruction.Run run(LogicalLine l, BuilderFlags flags) {
    flags.strings("mount");
    flags.string("network");
    flags.string("security");
    flags.parse();
    String network = flags.value("network");
    if (network != null && !List.of("default", "none", "host").contains(network)) {
      throw new InvalidArgument("invalid network mode " + Go.quote(network));
    }
    String security = flags.value("security");
    if (security != null && !List.of("sandbox", "insecure").contains(security)) {
      throw new InvalidArgument("security " + Go.quote(security)
          + " is not a valid security mode");
    }
    List<RunMount> mounts = new ArrayList<>();
    for (String m : flags.values("mount")) {
      mounts.add(MountParser.parse(m, null));
    }
    List<String> exec = JsonArgs.parse(l.rest());
    return new Instruction.Run(l.startLine(), l.original(), exec,
        exec == null ? l.rest() : null, mounts, network, security, l.heredocs());
  }

  private Instruction.Copy copy(LogicalLine l, BuilderFlags flags, boolean add) {
    List<String> args = JsonArgs.parse(l.rest());
    if (args == null) {
      args = JsonArgs.whitespaceWords(l.rest());
    }
    String kw = add ? "ADD" : "COPY";
    if (args.size() < 2) {
      throw new InvalidArgument(kw + " requires at least two arguments, but only one was "
          + "provided. Destination could not be determined");
    }
    flags.string("chown");
    flags.string("chmod");
    flags.bool("link");
    flags.strings("exclude");
    if (add) {
      flags.bool("keep-git-dir");
      flags.string("checksum");
      flags.bool("unpack");
    } else {
      flags.string("from");
      flags.bool("parents");
    }
    flags.parse();
    String dest = args.getLast();
    if (Parser.heredocWord(dest) != null) {
      throw new InvalidArgument(kw + " cannot accept a heredoc as a destination");
    }
    List<String> sources = new ArrayList<>();
    List<Heredoc> docs = new ArrayList<>();
    for (String src : args.subList(0, args.size() - 1)) {
      Heredoc h = Parser.heredocWord(src);
      if (h == null) {
        sources.add(src);
        continue;
      }
      String content = "";
      for (Heredoc found : l.heredocs()) {
        if (found.name().equals(h.name())) {
          content = found.content();
          break;
        }
      }
      docs.add(new Heredoc(h.name(), content, h.expand(), h.chomp()));
    }
    return new Instruction.Copy(l.startLine(), l.original(), add, sources, dest,
        flags.value("from"), flags.value("chown"), flags.value("chmod"), flags.isTrue("link"),
        flags.isTrue("parents"), flags.values("exclude"), flags.value("checksum"),
        flags.isTrue("keep-git-dir"), docs);
  }

  private Instruction.Volume volume(LogicalLine l, BuilderFlags flags) {
    List<String> args = JsonArgs.parse(l.rest());
    if (args == null) {
      args = JsonArgs.whitespaceWords(l.rest());
    }
    if (args.isEmpty()) {
      throw atLeastOne("VOLUME");
    }
    flags.parse();
    List<String> paths = new ArrayList<>();
    for (String v : args) {
      String t = Parser.goTrim(v);
      if (t.isEmpty()) {
        throw new InvalidArgument("VOLUME specified can not be an empty string");
      }
      paths.add(t);
    }
    return new Instruction.Volume(l.startLine(), l.original(), paths);
  }

  private Instruction.Onbuild onbuild(LogicalLine l, BuilderFlags flags) {
    if (l.rest().isEmpty()) {
      throw atLeastOne("ONBUILD");
    }
    flags.parse();
    LogicalLine sub = Parser.splitCommand(l.rest(), escape, fileName, l.startLine(), l.endLine(),
        l.heredocs());
    String trigger = sub.keyword().toUpperCase(Locale.ROOT);
    switch (trigger) {
      case "ONBUILD" -> throw new InvalidArgument(
          "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
      case "MAINTAINER", "FROM" -> throw new InvalidArgument(
          trigger + " isn't allowed as an ONBUILD trigger");
      default -> { }
    }
    StringBuilder expression = new StringBuilder(
        l.original().replaceFirst("(?i)^\\s*ONBUILD\\s*", ""));
    for (Heredoc h : l.heredocs()) {
      expression.append('\n').append(h.content()).append(h.name());
    }
    LogicalLine withOriginal = new LogicalLine(sub.keyword(), sub.flags(), sub.rest(),
        expression.toString(), sub.startLine(), sub.endLine(), sub.heredocs());
    Instruction in = typed(withOriginal);
    return new Instruction.Onbuild(l.startLine(), l.original(), in);
  }

  private List<KeyValue> keyValues(String rest, String kw, int line) {
    List<String> words = JsonArgs.quotedWords(rest, escape);
    if (words.isEmpty()) {
      throw atLeastOne(kw);
    }
    List<KeyValue> out = new ArrayList<>();
    if (!words.getFirst().contains("=")) {
      String[] parts = rest.split("[\\t\\u000B\\f\\r ]+", 2);
      if (parts.length < 2) {
        throw new InvalidArgument(kw + " must have two arguments");
      }
      warnings.add(new Warning("LegacyKeyValueFormat", "\"" + kw + " key=value\" should be used "
          + "instead of legacy \"" + kw + " key value\" format", line));
      out.add(new KeyValue(parts[0], parts[1]));
      return out;
    }
    for (String w : words) {
      int eq = w.indexOf('=');
      if (eq < 0) {
        throw new InvalidArgument("Syntax error - can't find = in " + Go.quote(w)
            + ". Must be of the form: name=value");
      }
      if (eq == 0) {
        throw new InvalidArgument(kw + " names can not be blank");
      }
      out.add(new KeyValue(w.substring(0, eq), w.substring(eq + 1)));
    }
    return out;
  }

  private List<KeyValue> args(String rest) {
    List<String> words = JsonArgs.quotedWords(rest, escape);
    if (words.isEmpty()) {
      throw atLeastOne("ARG");
    }
    List<KeyValue> out = new ArrayList<>();
    for (String w : words) {
      int eq = w.indexOf('=');
      if (eq == 0) {
        throw new InvalidArgument("ARG names can not be blank");
      }
      out.add(eq < 0 ? new KeyValue(w, null) : new KeyValue(w.substring(0, eq), w.substring(eq + 1)));
    }
    return out;
  }

  private static String exactlyOne(String rest, String kw) {
    if (rest.isEmpty()) {
      throw new InvalidArgument(kw + " requires exactly one argument");
    }
    return rest;
  }

  static InvalidArgument atLeastOne(String kw) {
    return new InvalidArgument(kw + " requires at least one argument");
  }
}
