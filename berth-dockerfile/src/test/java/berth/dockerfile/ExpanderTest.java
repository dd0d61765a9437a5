package berth.dockerfile;

import static berth.dockerfile.ParserTest.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.InvalidArgument;
import berth.dockerfile.Instruction.Arg;
import berth.dockerfile.Instruction.Cmd;
import berth.dockerfile.Instruction.Copy;
import berth.dockerfile.Instruction.Env;
import berth.dockerfile.Instruction.Expose;
import berth.dockerfile.Instruction.From;
import berth.dockerfile.Instruction.Label;
import berth.dockerfile.Instruction.Run;
import berth.dockerfile.Instruction.User;
import berth.dockerfile.Instruction.Volume;
import berth.dockerfile.Instruction.Workdir;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Docker's variable expansion and which instructions get it. */
class ExpanderTest {
  static final Map<String, String> ENV = Map.of("HOME", "/root", "EMPTY", "", "NAME", "berth",
      "SPACE", "a  b", "FILE", "archive.tar.gz");
  static final Function<String, String> LOOKUP = ENV::get;

  static String x(String word) {
    return Expander.expand(word, LOOKUP);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "plain|plain",
      "$HOME|/root",
      "${HOME}/bin|/root/bin",
      "pre$HOME.post|pre/root.post",
      "$UNSET|~~",
      "a${UNSET}b|ab",
      "${UNSET:-def}|def",
      "${EMPTY:-def}|def",
      "${EMPTY-def}|~~",
      "${UNSET-def}|def",
      "${HOME:-def}|/root",
      "${HOME:+alt}|alt",
      "${EMPTY:+alt}|~~",
      "${EMPTY+alt}|alt",
      "${UNSET+alt}|~~",
      "${UNSET:-${NAME:-x}}|berth",
      "${UNSET:-$HOME/x}|/root/x",
      "\\$HOME|$HOME",
      "\\\\$HOME|\\/root",
      "'$HOME'|$HOME",
      "\"$HOME\"|/root",
      "\"'$HOME'\"|'/root'",
      "'\"x\"'|\"x\"",
      "he'll'o|hello",
      "a\\ b|a b",
      "\"a\\tb\"|a\\tb",
      "a\\tb|atb",
      "$|$",
      "$.|$.",
      "${FILE%.gz}|archive.tar",
      "${FILE%%.*}|archive",
      "${FILE#*.}|tar.gz",
      "${FILE##*.}|gz",
      "${FILE/tar/zip}|archive.zip.gz",
      "${NAME//r/R}|beRth",
      "${HOME?}|/root",
      "$1x|x",
  })
  void words(String in, String out) {
    assertThat(x(in)).isEqualTo(out);
  }

  @ParameterizedTest(name = "{0} fails")
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "${}|syntax error: bad substitution",
      "${HOME|syntax error: missing '}'",
      "${UNSET:=x}|unsupported modifier (:=) in substitution",
      "${UNSET?}|UNSET: is not allowed to be unset",
      "${EMPTY:?must be set}|EMPTY: must be set",
      "'open|unexpected end of statement while looking for matching single-quote",
      "\"open|unexpected end of statement while looking for matching double-quote",
  })
  void errors(String in, String message) {
    assertThatThrownBy(() -> x(in)).isInstanceOf(InvalidArgument.class)
        .hasMessage("failed to process \"" + in + "\": " + message);
  }

  @Test
  void backtickEscape() {
    assertThat(Expander.expand("c:\\dir`$HOME", '`', LOOKUP)).isEqualTo("c:\\dir$HOME");
  }

  @Test
  void wordsSplitOnUnquotedWhitespaceIncludingFromValues() {
    assertThat(Expander.expandWords("x$SPACE \"q $SPACE\" 'l i'", LOOKUP))
        .containsExactly("xa", "b", "q a  b", "l i");
    assertThat(Expander.expandWords("  ", LOOKUP)).isEmpty();
  }

  @Test
  void referencedNames() {
    assertThat(Expander.referencedNames("${A:-$B}/$C '$D'", '\\')).containsExactly("A", "B", "C");
  }

  static Instruction expanded(String line, Map<String, String> env) {
    Instruction in = parse("FROM a\n" + line + "\n").stages().getFirst().instructions().getFirst();
    return Expander.expand(in, env::get);
  }

  @Test
  void envLabelArgValuesLoseQuotes() {
    Env e = (Env) expanded("ENV A=\"$NAME x\" B=${HOME}/.cache C='$NAME' D=a\\ b", ENV);
    assertThat(e.vars()).containsExactly(new KeyValue("A", "berth x"),
        new KeyValue("B", "/root/.cache"), new KeyValue("C", "$NAME"), new KeyValue("D", "a b"));
    Env legacy = (Env) expanded("ENV PATH /opt/bin:$HOME", ENV);
    assertThat(legacy.vars()).containsExactly(new KeyValue("PATH", "/opt/bin:/root"));
    Label l = (Label) expanded("LABEL \"com.x.y\"=\"$NAME app\"", ENV);
    assertThat(l.labels()).containsExactly(new KeyValue("com.x.y", "berth app"));
    Arg a = (Arg) expanded("ARG V=${NAME}-1 W", ENV);
    assertThat(a.args()).containsExactly(new KeyValue("V", "berth-1"), new KeyValue("W", null));
  }

  @Test
  void pathsUsersAndPorts() {
    assertThat(((Workdir) expanded("WORKDIR $HOME/app", ENV)).path()).isEqualTo("/root/app");
    assertThat(((User) expanded("USER ${NAME}:${NAME}", ENV)).user()).isEqualTo("berth:berth");
    Map<String, String> ports = new HashMap<>(ENV);
    ports.put("PORTS", "80 443");
    assertThat(((Expose) expanded("EXPOSE $PORTS 9000/udp", ports)).ports())
        .containsExactly("80", "443", "9000/udp");
    assertThat(((Volume) expanded("VOLUME $HOME/data", ENV)).paths()).containsExactly("/root/data");
  }

  @Test
  void copyExpandsSourcesDestAndOwnershipButNotFrom() {
    Copy c = (Copy) expanded("COPY --from=build --chown=$NAME --chmod=${MODE:-644} $NAME.txt ${HOME}/", ENV);
    assertThat(c.sources()).containsExactly("berth.txt");
    assertThat(c.dest()).isEqualTo("/root/");
    assertThat(c.chown()).isEqualTo("berth");
    assertThat(c.chmod()).isEqualTo("644");
    assertThat(c.from()).isEqualTo("build");
    assertThat(c.line()).isEqualTo(2);
  }

  @Test
  void copyHeredocBodiesExpandUnlessTheDelimiterIsQuoted() {
    Copy c = (Copy) expanded("COPY <<EOF <<'RAW' /x/\nhi $NAME \"q\" \\$HOME\nEOF\nhi $NAME\nRAW", ENV);
    assertThat(c.heredocs().get(0).content()).isEqualTo("hi berth \"q\" $HOME\n");
    assertThat(c.heredocs().get(1).content()).isEqualTo("hi $NAME\n");
  }

  @Test
  void runAndCmdStayAsWrittenButMountsExpand() {
    Run r = (Run) expanded("RUN --mount=type=cache,target=$HOME/.cache,uid=${UID:-1000} echo $HOME", ENV);
    assertThat(r.shellForm()).isEqualTo("echo $HOME");
    RunMount m = r.mounts().getFirst();
    assertThat(m.target()).isEqualTo("/root/.cache");
    assertThat(m.id()).isEqualTo("/root/.cache");
    assertThat(m.uidNumber()).isEqualTo(1000);
    Instruction cmd = parse("FROM a\nCMD echo $HOME\n").stages().getFirst().instructions().getFirst();
    assertThat(Expander.expand(cmd, LOOKUP)).isSameAs(cmd);
    assertThat(((Cmd) cmd).shellForm()).isEqualTo("echo $HOME");
  }

  @Test
  void fromExpandsWithMetaArgs() {
    From f = parse("ARG TAG=3.12\nFROM --platform=$BUILDPLATFORM python:${TAG}-slim AS b\n")
        .stages().getFirst().from();
    From e = (From) Expander.expand(f, Map.of("TAG", "3.12", "BUILDPLATFORM", "linux/amd64")::get);
    assertThat(e.image()).isEqualTo("python:3.12-slim");
    assertThat(e.platform()).isEqualTo("linux/amd64");
    assertThat(e.stageName()).isEqualTo("b");
  }

  @Test
  void escapeDirectiveApplies() {
    Dockerfile df = parse("# escape=`\nFROM a\nWORKDIR c:\\`$HOME\\x\n");
    Workdir w = (Workdir) Expander.expand(df.stages().getFirst().instructions().getFirst(),
        df.escape(), LOOKUP);
    assertThat(w.path()).isEqualTo("c:\\$HOME\\x");
  }

  @Test
  void instructionsNotExpandedAreReturnedAsIs() {
    for (String line : List.of("CMD [\"$HOME\"]", "ENTRYPOINT $HOME", "SHELL [\"$X\"]",
        "HEALTHCHECK CMD $X", "MAINTAINER $X", "ONBUILD RUN $X")) {
      Instruction in = parse("FROM a\n" + line + "\n").stages().getFirst().instructions().getFirst();
      assertThat(Expander.expand(in, LOOKUP)).as(line).isSameAs(in);
    }
  }
}
