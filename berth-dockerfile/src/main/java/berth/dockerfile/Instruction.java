package berth.dockerfile;

import java.time.Duration;
import java.util.List;

/**
 * One parsed Dockerfile instruction. Every record carries its 1-based start {@link #line()} and the
 * {@link #original()} source text (continuations joined, as Docker shows it in "Step N/M : ..." and in
 * history's {@code created_by}). Words are kept as written (quotes, variables) until
 * {@link Expander#expand(Instruction, char, java.util.function.Function)} resolves them for one step.
 */
public sealed interface Instruction {

  /** 1-based line where the instruction starts. */
  int line();

  /** The instruction's source text as Docker echoes it. */
  String original();

  /** The upper-case keyword, e.g. {@code RUN}. */
  default String keyword() {
    return switch (this) {
      case From f -> "FROM";
      case Run r -> "RUN";
      case Cmd c -> "CMD";
      case Entrypoint e -> "ENTRYPOINT";
      case Env e -> "ENV";
      case Arg a -> "ARG";
      case Label l -> "LABEL";
      case Expose e -> "EXPOSE";
      case Workdir w -> "WORKDIR";
      case User u -> "USER";
      case Copy c -> c.add() ? "ADD" : "COPY";
      case Volume v -> "VOLUME";
      case Healthcheck h -> "HEALTHCHECK";
      case Stopsignal s -> "STOPSIGNAL";
      case Onbuild o -> "ONBUILD";
      case Shell s -> "SHELL";
      case Maintainer m -> "MAINTAINER";
    };
  }

  /**
   * {@code FROM [--platform=p] image [AS name]}.
   *
   * @param image the base: an image reference, a stage name, or {@code scratch} (unexpanded)
   * @param stageName the {@code AS} name, lower-cased; null when absent
   * @param platform the {@code --platform} flag, null when absent
   */
  record From(int line, String original, String image, String stageName, String platform)
      implements Instruction {}

  /**
   * {@code RUN}: exactly one of {@code execForm} and {@code shellForm} is non-null.
   *
   * @param execForm the JSON array form, null for shell form
   * @param shellForm the command text for the shell, null for exec form
   * @param mounts {@code --mount} flags in order
   * @param network {@code --network} value ({@code default}, {@code none}, {@code host}); null when absent
   * @param security {@code --security} value ({@code sandbox}, {@code insecure}); null when absent
   * @param heredocs here-documents named on the line, in order
   */
  record Run(int line, String original, List<String> execForm, String shellForm,
      List<RunMount> mounts, String network, String security, List<Heredoc> heredocs)
      implements Instruction {
    public Run {
      execForm = execForm == null ? null : List.copyOf(execForm);
      mounts = List.copyOf(mounts);
      heredocs = List.copyOf(heredocs);
    }

    public boolean isExec() {
      return execForm != null;
    }

    /**
     * For a RUN whose whole command is one heredoc starting with {@code #!}: that heredoc, which
     * Docker writes to a file (mode 0755) and executes instead of going through the shell.
     * Null otherwise.
     */
    public Heredoc scriptHeredoc() {
      if (shellForm == null || heredocs.isEmpty() || Parser.heredocWord(shellForm) == null) {
        return null;
      }
      Heredoc h = heredocs.getFirst();
      return h.data().startsWith("#!") ? h : null;
    }

    /**
     * The text to hand to the shell ({@code SHELL} + this) for shell form: the command itself;
     * for a command that is just {@code <<EOF}, the heredoc's body; for a command that uses
     * heredocs ({@code python3 <<EOF}), the command followed by each body and terminator so the
     * shell reads them as here-documents. Null for exec form.
     */
    public String shellCommand() {
      if (shellForm == null) {
        return null;
      }
      if (heredocs.isEmpty()) {
        return shellForm;
      }
      if (Parser.heredocWord(shellForm) != null) {
        return heredocs.getFirst().data();
      }
      StringBuilder b = new StringBuilder(shellForm);
      for (Heredoc h : heredocs) {
        b.append('\n').append(h.content()).append(h.name());
      }
      return b.toString();
    }
  }

  /** {@code CMD}: exec form (JSON array) or shell form, exactly one non-null. */
  record Cmd(int line, String original, List<String> execForm, String shellForm)
      implements Instruction {
    public Cmd {
      execForm = execForm == null ? null : List.copyOf(execForm);
    }

    public boolean isExec() {
      return execForm != null;
    }
  }

  /** {@code ENTRYPOINT}: exec form (JSON array) or shell form, exactly one non-null. */
  record Entrypoint(int line, String original, List<String> execForm, String shellForm)
      implements Instruction {
    public Entrypoint {
      execForm = execForm == null ? null : List.copyOf(execForm);
    }

    public boolean isExec() {
      return execForm != null;
    }
  }

  /** {@code ENV k=v ...} or legacy {@code ENV k v}; values unexpanded and still quoted. */
  record Env(int line, String original, List<KeyValue> vars) implements Instruction {
    public Env {
      vars = List.copyOf(vars);
    }
  }

  /**
   * {@code ARG name[=default] ...}. BuildKit allows several names on one line; {@link #name()} and
   * {@link #defaultValue()} read the first.
   */
  record Arg(int line, String original, List<KeyValue> args) implements Instruction {
    public Arg {
      args = List.copyOf(args);
    }

    public String name() {
      return args.getFirst().key();
    }

    /** The first argument's default, null when it has none. */
    public String defaultValue() {
      return args.getFirst().value();
    }
  }

  /** {@code LABEL k=v ...}; keys and values unexpanded and still quoted. */
  record Label(int line, String original, List<KeyValue> labels) implements Instruction {
    public Label {
      labels = List.copyOf(labels);
    }
  }

  /** {@code EXPOSE 80 443/udp ...} as written (ranges like {@code 8000-8010} allowed). */
  record Expose(int line, String original, List<String> ports) implements Instruction {
    public Expose {
      ports = List.copyOf(ports);
    }
  }

  /** {@code WORKDIR path}, possibly relative to the previous one. */
  record Workdir(int line, String original, String path) implements Instruction {}

  /** {@code USER name|uid[:group|gid]}. */
  record User(int line, String original, String user) implements Instruction {}

  /**
   * {@code COPY} or {@code ADD} ({@code add} true).
   *
   * @param sources source paths, wildcards or URLs (ADD), as written; heredoc sources are in {@code heredocs}
   * @param dest destination as written (a trailing slash matters)
   * @param from {@code --from} stage name/index or image; null when absent
   * @param chown {@code --chown}; null when absent
   * @param chmod {@code --chmod}; null when absent
   * @param link {@code --link}
   * @param parents {@code --parents}
   * @param excludes {@code --exclude} patterns, in order
   * @param checksum ADD {@code --checksum}; null when absent
   * @param keepGitDir ADD {@code --keep-git-dir}
   * @param heredocs heredocs used as sources ({@code COPY <<EOF /file}): each becomes a file named
   *     after the heredoc with {@link Heredoc#data()} as content (expanded when {@code expand})
   */
  record Copy(int line, String original, boolean add, List<String> sources, String dest,
      String from, String chown, String chmod, boolean link, boolean parents,
      List<String> excludes, String checksum, boolean keepGitDir, List<Heredoc> heredocs)
      implements Instruction {
    public Copy {
      sources = List.copyOf(sources);
      excludes = List.copyOf(excludes);
      heredocs = List.copyOf(heredocs);
    }
  }

  /** {@code VOLUME ["/a", "/b"]} or {@code VOLUME /a /b}. */
  record Volume(int line, String original, List<String> paths) implements Instruction {
    public Volume {
      paths = List.copyOf(paths);
    }
  }

  /**
   * {@code HEALTHCHECK [options] CMD ...} or {@code HEALTHCHECK NONE}.
   *
   * @param test Docker's config form: {@code ["NONE"]}, {@code ["CMD", args...]} or
   *     {@code ["CMD-SHELL", command]}
   * @param interval null when not given (Docker then stores 0)
   * @param timeout null when not given
   * @param startPeriod null when not given
   * @param startInterval null when not given
   * @param retries 0 when not given
   */
  record Healthcheck(int line, String original, List<String> test, Duration interval,
      Duration timeout, Duration startPeriod, Duration startInterval, int retries)
      implements Instruction {
    public Healthcheck {
      test = List.copyOf(test);
    }

    public boolean none() {
      return test.size() == 1 && test.getFirst().equals("NONE");
    }
  }

  /** {@code STOPSIGNAL SIGTERM|15}. */
  record Stopsignal(int line, String original, String signal) implements Instruction {}

  /**
   * {@code ONBUILD <instruction>}: stored in the image, triggered by a child's FROM.
   * {@code trigger.original()} is the text Docker keeps in the image config's {@code OnBuild}.
   */
  record Onbuild(int line, String original, Instruction trigger) implements Instruction {}

  /** {@code SHELL ["executable", "params"...]} (JSON form only). */
  record Shell(int line, String original, List<String> shell) implements Instruction {
    public Shell {
      shell = List.copyOf(shell);
    }
  }

  /** {@code MAINTAINER name} (deprecated: sets the image's Author). */
  record Maintainer(int line, String original, String name) implements Instruction {}
}
