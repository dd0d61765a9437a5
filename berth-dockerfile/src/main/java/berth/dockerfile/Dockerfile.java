package berth.dockerfile;

import java.util.List;

/**
 * A parsed Dockerfile.
 *
 * @param directives parser directives from the top of the file
 * @param metaArgs the ARG instructions before the first FROM (their values may be used in FROM)
 * @param stages the build stages in order; never empty
 * @param warnings non-fatal findings, in source order
 */
public record Dockerfile(Directives directives, List<Instruction> metaArgs, List<Stage> stages,
    List<Warning> warnings) {

  public Dockerfile {
    metaArgs = List.copyOf(metaArgs);
    stages = List.copyOf(stages);
    warnings = List.copyOf(warnings);
  }

  /** The default Dockerfile name inside a build context. */
  public static final String DEFAULT_NAME = "Dockerfile";

  /**
   * Parses a Dockerfile.
   *
   * @param text the whole file
   * @param fileName the name shown in errors (e.g. {@code Dockerfile})
   * @throws berth.core.errors.InvalidArgument with Docker's message
   *     ({@code dockerfile parse error on line N: ...}) on any syntax error
   */
  public static Dockerfile parse(String text, String fileName) {
    return new Parser(text, fileName).parse();
  }

  /**
   * Parses the ONBUILD triggers stored in a base image's config ({@code OnBuild}), each an
   * instruction's text as Docker stored it (heredoc bodies included), into instructions to run
   * right after the FROM that names the image.
   *
   * @throws berth.core.errors.InvalidArgument when a trigger does not parse, or is FROM,
   *     MAINTAINER or ONBUILD
   */
  public static List<Instruction> parseTriggers(List<String> onBuild) {
    List<Instruction> out = new java.util.ArrayList<>();
    for (String expression : onBuild) {
      Parser p = new Parser(expression, "ONBUILD");
      List<LogicalLine> lines = p.split();
      InstructionParser ip = new InstructionParser("ONBUILD", '\\', new java.util.ArrayList<>());
      for (LogicalLine l : lines) {
        String kw = l.keyword().toUpperCase(java.util.Locale.ROOT);
        if (kw.equals("ONBUILD")) {
          throw new berth.core.errors.InvalidArgument(
              "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
        }
        if (kw.equals("FROM") || kw.equals("MAINTAINER")) {
          throw new berth.core.errors.InvalidArgument(kw + " isn't allowed as an ONBUILD trigger");
        }
        out.add(ip.instruction(l));
      }
    }
    return out;
  }

  /** The escape character in effect ({@code \} or {@code `}). */
  public char escape() {
    return directives.escape();
  }

  /** The stage a {@code --from}/{@code --target} reference names (name or index), or null. */
  public Stage stage(String ref) {
    for (Stage s : stages) {
      if (s.matches(ref)) {
        return s;
      }
    }
    return null;
  }

  /**
   * Total number of instructions as the classic builder counts its steps ("Step N/M"): the meta
   * ARGs, each stage's FROM and every instruction after it.
   */
  public int stepCount() {
    int n = metaArgs.size();
    for (Stage s : stages) {
      n += 1 + s.instructions().size();
    }
    return n;
  }

  /**
   * The ignore files to look for, in order of preference, for a Dockerfile at {@code dockerfilePath}
   * (relative to the context root): {@code <dockerfile>.dockerignore} next to it, then the context's
   * {@code .dockerignore}. The first that exists wins.
   */
  public static List<String> dockerignoreCandidates(String dockerfilePath) {
    String p = dockerfilePath == null || dockerfilePath.isEmpty() ? DEFAULT_NAME : dockerfilePath;
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    return List.of(p + ".dockerignore", ".dockerignore");
  }
}
