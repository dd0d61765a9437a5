package berth.dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Docker's variable expansion (BuildKit's shell lexer rules): {@code $VAR}, {@code ${VAR}},
 * {@code ${VAR:-x}}, {@code ${VAR-x}}, {@code ${VAR:+x}}, {@code ${VAR+x}}, the escape character
 * protecting {@code $}, single quotes literal, double quotes grouping; quotes are removed.
 *
 * <p>The lookup returns null for an unset variable and "" for one set to empty; the difference
 * matters to the forms without a colon.
 *
 * <p>Which instructions are expanded, as Docker does: ADD, COPY, ENV, EXPOSE, FROM, LABEL,
 * STOPSIGNAL, USER, VOLUME, WORKDIR and ARG (and RUN's {@code --mount} fields as BuildKit does).
 * RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK, MAINTAINER and ONBUILD are left as written (the shell
 * expands RUN/CMD at run time). {@link #expand(Instruction, char, Function)} applies exactly that
 * list, so the executor does not repeat it.
 */
public final class Expander {
  private Expander() {}

  /** Expands one word with the default escape character {@code \}. */
  public static String expand(String word, Function<String, String> lookup) {
    return expand(word, '\\', lookup);
  }

  /** Expands one word: variables replaced, quotes and escapes removed, no splitting. */
  public static String expand(String word, char escape, Function<String, String> lookup) {
    return new ShellLex(escape).processWord(word, lookup);
  }

  /** Expands and splits on unquoted whitespace, with the default escape character. */
  public static List<String> expandWords(String words, Function<String, String> lookup) {
    return expandWords(words, '\\', lookup);
  }

  /** Expands and splits on unquoted whitespace (whitespace from variable values splits too). */
  public static List<String> expandWords(String words, char escape,
      Function<String, String> lookup) {
    return List.copyOf(new ShellLex(escape).processWords(words, lookup));
  }

  /**
   * The names a word refers to, in order of first use (for "unused build args" and cache keys).
   */
  public static Set<String> referencedNames(String word, char escape) {
    Set<String> names = new LinkedHashSet<>();
    new ShellLex(escape).processWord(word, n -> {
      names.add(n);
      return null;
    });
    return names;
  }

  /** {@link #expand(Instruction, char, Function)} with the default escape character. */
  public static Instruction expand(Instruction in, Function<String, String> lookup) {
    return expand(in, '\\', lookup);
  }

  /**
   * The instruction with its words expanded for one step, when Docker expands that instruction;
   * otherwise {@code in} itself. The result keeps {@code line()} and {@code original()}. RUN keeps
   * its command as written but gets its {@code --mount} values expanded, checked and completed
   * with BuildKit's defaults (see {@link RunMount#withDefaults()}).
   *
   * @throws berth.core.errors.InvalidArgument on a bad substitution such as {@code ${A}
   */
  public static Instruction expand(Instruction in, char escape, Function<String, String> lookup) {
    ShellLex lex = new ShellLex(escape);
    UnaryOperator<String> w = s -> s == null ? null : lex.processWord(s, lookup);
    return switch (in) {
      case Instruction.From f -> new Instruction.From(f.line(), f.original(), w.apply(f.image()),
          f.stageName(), w.apply(f.platform()));
      case Instruction.Run r -> {
        List<RunMount> mounts = new ArrayList<>();
        for (RunMount m : r.mounts()) {
          mounts.add(MountParser.expand(m, w));
        }
        yield new Instruction.Run(r.line(), r.original(), r.execForm(), r.shellForm(), mounts,
            r.network(), r.security(), r.heredocs());
      }
      case Instruction.Env e -> new Instruction.Env(e.line(), e.original(), kvs(e.vars(), w));
      case Instruction.Label l -> new Instruction.Label(l.line(), l.original(), kvs(l.labels(), w));
      case Instruction.Arg a -> new Instruction.Arg(a.line(), a.original(), kvs(a.args(), w));
      case Instruction.Expose e -> {
        List<String> ports = new ArrayList<>();
        for (String p : e.ports()) {
          ports.addAll(lex.processWords(p, lookup));
        }
        yield new Instruction.Expose(e.line(), e.original(), ports);
      }
      case Instruction.Workdir d -> new Instruction.Workdir(d.line(), d.original(), w.apply(d.path()));
      case Instruction.User u -> new Instruction.User(u.line(), u.original(), w.apply(u.user()));
      case Instruction.Stopsignal s ->
          new Instruction.Stopsignal(s.line(), s.original(), w.apply(s.signal()));
      case Instruction.Volume v -> new Instruction.Volume(v.line(), v.original(),
          v.paths().stream().map(w).toList());
      case Instruction.Copy c -> copy(c, w, lookup);
      case Instruction.Cmd c -> c;
      case Instruction.Entrypoint e -> e;
      case Instruction.Healthcheck h -> h;
      case Instruction.Onbuild o -> o;
      case Instruction.Shell s -> s;
      case Instruction.Maintainer m -> m;
    };
  }

  private static Instruction.Copy copy(Instruction.Copy c, UnaryOperator<String> w,
      Function<String, String> lookup) {
    // heredoc bodies are expanded with quotes left alone and the backslash as escape, whatever
    // the file's escape directive, as BuildKit does
    ShellLex raw = new ShellLex('\\');
    raw.skipProcessQuotes = true;
    List<Heredoc> docs = new ArrayList<>();
    for (Heredoc h : c.heredocs()) {
      docs.add(h.expand()
          ? new Heredoc(h.name(), raw.processWord(h.content(), lookup), true, h.chomp())
          : h);
    }
    return new Instruction.Copy(c.line(), c.original(), c.add(),
        c.sources().stream().map(w).toList(), w.apply(c.dest()), c.from(), w.apply(c.chown()),
        w.apply(c.chmod()), c.link(), c.parents(), c.excludes(), w.apply(c.checksum()),
        c.keepGitDir(), docs);
  }

  private static List<KeyValue> kvs(List<KeyValue> in, UnaryOperator<String> w) {
    List<KeyValue> out = new ArrayList<>(in.size());
    for (KeyValue kv : in) {
      out.add(new KeyValue(w.apply(kv.key()), w.apply(kv.value())));
    }
    return out;
  }
}
