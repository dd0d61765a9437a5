package berth.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.InvalidArgument;
import berth.dockerfile.Instruction.Cmd;
import berth.dockerfile.Instruction.Env;
import berth.dockerfile.Instruction.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines, comments, continuations, directives and errors, as Docker's parser handles them. */
class ParserTest {

  static Dockerfile parse(String text) {
    return Dockerfile.parse(text, "Dockerfile");
  }

  static List<Instruction> body(String text) {
    return parse(text).stages().getFirst().instructions();
  }

  static String shell(Instruction in) {
    return ((Run) in).shellForm();
  }

  @Test
  void directivesAtTheTopAreRead() {
    Dockerfile df = parse("# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=all\nFROM a\n");
    assertThat(df.directives()).isEqualTo(new Directives("docker/dockerfile:1", '`', "skip=all"));
  }

  @Test
  void directiveKeysAreCaseInsensitiveAndSpacesAllowed() {
    Dockerfile df = parse("#  ESCAPE = `\nFROM a\n");
    assertThat(df.escape()).isEqualTo('`');
  }

  @Test
  void directivesAfterACommentOrBlankLineOrInstructionAreComments() {
    assertThat(parse("# hello\n# escape=`\nFROM a\n").escape()).isEqualTo('\\');
    assertThat(parse("\n# escape=`\nFROM a\n").escape()).isEqualTo('\\');
    assertThat(parse("FROM a\n# escape=`\n").escape()).isEqualTo('\\');
    assertThat(parse("# unknown=x\n# escape=`\nFROM a\n").escape()).isEqualTo('\\');
  }

  @Test
  void repeatedDirectiveIsAnError() {
    assertThatThrownBy(() -> parse("# escape=`\n# escape=\\\nFROM a\n"))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("dockerfile parse error on line 2: only one escape parser directive can be used");
  }

  @Test
  void badEscapeTokenIsAnError() {
    assertThatThrownBy(() -> parse("# escape=x\nFROM a\n"))
        .hasMessageContaining("invalid escape token 'x' does not match ` or \\");
  }

  @Test
  void byteOrderMarkAndCrLfAreIgnored() {
    Dockerfile df = parse("\uFEFF# escape=`\r\nFROM a\r\nRUN echo hi `\r\n  there\r\n");
    assertThat(df.escape()).isEqualTo('`');
    assertThat(shell(df.stages().getFirst().instructions().getFirst()))
        .isEqualTo("echo hi   there");
  }

  @Test
  void continuationsJoinLinesKeepingTheIndentOfLaterLines() {
    List<Instruction> b = body("FROM a\nRUN echo hello\\\n  world\\\n  good  \\\nnight\n");
    assertThat(shell(b.getFirst())).isEqualTo("echo hello  world  good  night");
    assertThat(b.getFirst().line()).isEqualTo(2);
    assertThat(b.getFirst().original()).isEqualTo("RUN echo hello  world  good  night");
  }

  @Test
  void blanksAfterTheEscapeStillContinue() {
    assertThat(shell(body("FROM a\nRUN echo hello  \\  \nworld\n").getFirst()))
        .isEqualTo("echo hello  world");
  }

  @Test
  void escapedEscapeAtEndDoesNotContinue() {
    List<Instruction> b = body("FROM a\nRUN echo a\\\\\nRUN echo b\n");
    assertThat(b).hasSize(2);
    assertThat(shell(b.getFirst())).isEqualTo("echo a\\\\");
  }

  @Test
  void commentLinesInsideAContinuationAreDropped() {
    List<Instruction> b = body("FROM a\nRUN apt-get update && \\\n# the packages\n    # indented too\n"
        + "  apt-get install -y curl\n");
    assertThat(shell(b.getFirst())).isEqualTo("apt-get update &&   apt-get install -y curl");
  }

  @Test
  void emptyContinuationLinesAreSkippedWithAWarning() {
    Dockerfile df = parse("FROM a\nRUN echo hi \\\n\n world\n");
    assertThat(shell(df.stages().getFirst().instructions().getFirst())).isEqualTo("echo hi  world");
    assertThat(df.warnings()).containsExactly(new Warning("NoEmptyContinuation",
        "Empty continuation line found in: RUN echo hi  world", 4));
  }

  @Test
  void continuationAtEndOfFileEndsTheInstruction() {
    assertThat(shell(body("FROM a\nRUN echo hi \\").getFirst())).isEqualTo("echo hi");
  }

  @Test
  void lineWithOnlyAnEscapeContinues() {
    assertThat(shell(body("FROM a\nRUN echo hi \\\n \\\n world\n").getFirst()))
        .isEqualTo("echo hi   world");
  }

  @Test
  void backtickEscapeMakesBackslashLiteral() {
    List<Instruction> b = body("# escape=`\nFROM a\nRUN dir c:\\ `\n  /w\nENV P=c:\\go\n");
    assertThat(shell(b.get(0))).isEqualTo("dir c:\\   /w");
    assertThat(((Env) b.get(1)).vars()).containsExactly(new KeyValue("P", "c:\\go"));
  }

  @Test
  void commentsAndBlankLinesAreSkippedAndLineNumbersKept() {
    Dockerfile df = parse("# a comment\n\nFROM a\n   # indented comment\n\nRUN x\n");
    assertThat(df.stages().getFirst().from().line()).isEqualTo(3);
    assertThat(df.stages().getFirst().instructions().getFirst().line()).isEqualTo(6);
  }

  @Test
  void hashInsideAnInstructionIsNotAComment() {
    assertThat(shell(body("FROM a\nRUN echo hi # not a comment\n").getFirst()))
        .isEqualTo("echo hi # not a comment");
  }

  @Test
  void keywordsAreCaseInsensitive() {
    List<Instruction> b = body("from a\nrun echo\nCmd [\"x\"]\n");
    assertThat(b.get(0)).isInstanceOf(Run.class);
    assertThat(((Cmd) b.get(1)).execForm()).containsExactly("x");
  }

  @Test
  void unknownInstructionNamesTheLineInDockersWords() {
    assertThatThrownBy(() -> parse("FROM a\n\nBOGUS bar\n"))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("dockerfile parse error on line 3: unknown instruction: BOGUS")
        .satisfies(e -> {
          DockerfileError where = DockerfileError.of(e);
          assertThat(where.fileName()).isEqualTo("Dockerfile");
          assertThat(where.line()).isEqualTo(3);
          assertThat(where.detail()).isEqualTo("unknown instruction: BOGUS");
        });
  }

  @Test
  void unknownInstructionCloseToAKeywordGetsAHint() {
    assertThatThrownBy(() -> parse("FROM a\nFOO x\n"))
        .hasMessageEndingWith("unknown instruction: FOO (did you mean FROM?)");
    assertThatThrownBy(() -> parse("FROM a\nRUNN x\n"))
        .hasMessage("dockerfile parse error on line 2: unknown instruction: RUNN (did you mean RUN?)");
    assertThatThrownBy(() -> parse("FROM a\ncopyy x y\n"))
        .hasMessageEndingWith("unknown instruction: copyy (did you mean copy?)");
  }

  @Test
  void errorsUseTheFileNameGiven() {
    assertThatThrownBy(() -> Dockerfile.parse("FROM a\nBAD\n", "sub/Dockerfile.dev"))
        .satisfies(e -> assertThat(DockerfileError.of(e).fileName()).isEqualTo("sub/Dockerfile.dev"));
  }

  @Test
  void emptyFilesAreRefused() {
    assertThatThrownBy(() -> parse("")).hasMessage("the Dockerfile (Dockerfile) cannot be empty");
    assertThatThrownBy(() -> parse("# only\n\n# comments\n"))
        .hasMessageEndingWith("file with no instructions");
    assertThatThrownBy(() -> parse("ARG A=1\n"))
        .hasMessage("No image was generated. Is your Dockerfile empty?");
  }

  @Test
  void instructionBeforeFromIsAnError() {
    assertThatThrownBy(() -> parse("RUN x\nFROM a\n"))
        .hasMessage("dockerfile parse error on line 1: no build stage in current context");
  }

  @Test
  void stagesAndMetaArgs() {
    Dockerfile df = parse("ARG BASE=alpine\nARG V\nFROM $BASE AS Build\nRUN make\n"
        + "FROM scratch\nCOPY --from=build /out /\n");
    assertThat(df.metaArgs()).hasSize(2);
    assertThat(df.stages()).hasSize(2);
    Stage build = df.stages().get(0);
    assertThat(build.name()).isEqualTo("build");
    assertThat(build.from().image()).isEqualTo("$BASE");
    assertThat(build.instructions()).hasSize(1);
    assertThat(df.stages().get(1).name()).isNull();
    assertThat(df.stage("BUILD")).isSameAs(build);
    assertThat(df.stage("1")).isSameAs(df.stages().get(1));
    assertThat(df.stage("nope")).isNull();
    assertThat(df.stepCount()).isEqualTo(6);
    assertThat(df.warnings()).extracting(Warning::rule).contains("StageNameCasing");
  }

  @Test
  void originalIsTheTrimmedJoinedLine() {
    Instruction in = body("FROM a\n   RUN   echo  hi   \n").getFirst();
    assertThat(in.original()).isEqualTo("RUN   echo  hi");
    assertThat(in.keyword()).isEqualTo("RUN");
  }

  @Test
  void dockerignoreCandidates() {
    assertThat(Dockerfile.dockerignoreCandidates(null))
        .containsExactly("Dockerfile.dockerignore", ".dockerignore");
    assertThat(Dockerfile.dockerignoreCandidates("./build/Dockerfile.prod"))
        .containsExactly("build/Dockerfile.prod.dockerignore", ".dockerignore");
  }
}
