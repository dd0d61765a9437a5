package berth.dockerfile;

import static berth.dockerfile.ParserTest.body;
import static berth.dockerfile.ParserTest.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.dockerfile.Instruction.Arg;
import berth.dockerfile.Instruction.Cmd;
import berth.dockerfile.Instruction.Copy;
import berth.dockerfile.Instruction.Entrypoint;
import berth.dockerfile.Instruction.Env;
import berth.dockerfile.Instruction.Expose;
import berth.dockerfile.Instruction.From;
import berth.dockerfile.Instruction.Healthcheck;
import berth.dockerfile.Instruction.Label;
import berth.dockerfile.Instruction.Maintainer;
import berth.dockerfile.Instruction.Onbuild;
import berth.dockerfile.Instruction.Run;
import berth.dockerfile.Instruction.Shell;
import berth.dockerfile.Instruction.Stopsignal;
import berth.dockerfile.Instruction.User;
import berth.dockerfile.Instruction.Volume;
import berth.dockerfile.Instruction.Workdir;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each instruction's arguments, flags and errors. */
class InstructionsTest {

  static Instruction one(String line) {
    return body("FROM a\n" + line + "\n").getFirst();
  }

  static void fails(String line, String message) {
    assertThatThrownBy(() -> parse("FROM a\n" + line + "\n"))
        .hasMessage("dockerfile parse error on line 2: " + message);
  }

  @Test
  void from() {
    From f = parse("FROM --platform=linux/arm64 debian:12 as base\n").stages().getFirst().from();
    assertThat(f).isEqualTo(new From(1, "FROM --platform=linux/arm64 debian:12 as base",
        "debian:12", "base", "linux/arm64"));
    assertThat(parse("FROM scratch\n").stages().getFirst().from().stageName()).isNull();
    assertThatThrownBy(() -> parse("FROM\n"))
        .hasMessageEndingWith("FROM requires either one or three arguments");
    assertThatThrownBy(() -> parse("FROM a b\n"))
        .hasMessageEndingWith("FROM requires either one or three arguments");
    assertThatThrownBy(() -> parse("FROM a AS 1st\n")).hasMessageEndingWith(
        "invalid name for build stage: \"1st\", name can't start with a number or contain symbols");
    assertThatThrownBy(() -> parse("FROM --platfrom=x a\n"))
        .hasMessageEndingWith("unknown flag: --platfrom (did you mean platform?)");
  }

  @Test
  void fromAsCasingWarning() {
    assertThat(parse("FROM a as b\n").warnings()).extracting(Warning::rule)
        .containsExactly("FromAsCasing");
    assertThat(parse("from a as b\n").warnings()).isEmpty();
  }

  @Test
  void runShellAndExecForms() {
    Run shell = (Run) one("RUN apt-get update && apt-get install -y curl");
    assertThat(shell.isExec()).isFalse();
    assertThat(shell.shellForm()).isEqualTo("apt-get update && apt-get install -y curl");
    assertThat(shell.shellCommand()).isEqualTo(shell.shellForm());
    Run exec = (Run) one("RUN [\"/bin/sh\", \"-c\", \"echo \\\"hi\\\"\"]");
    assertThat(exec.execForm()).containsExactly("/bin/sh", "-c", "echo \"hi\"");
    assertThat(exec.shellForm()).isNull();
    assertThat(exec.shellCommand()).isNull();
  }

  @Test
  void invalidJsonFallsBackToShellForm() {
    assertThat(((Run) one("RUN ['single', 'quotes']")).shellForm()).isEqualTo("['single', 'quotes']");
    assertThat(((Cmd) one("CMD [\"unterminated\"")).shellForm()).isEqualTo("[\"unterminated\"");
    assertThat(((Cmd) one("CMD [\"a\"] trailing")).shellForm()).isEqualTo("[\"a\"] trailing");
    assertThat(((Cmd) one("CMD []")).execForm()).isEmpty();
  }

  @Test
  void jsonWithNonStringsIsAnError() {
    fails("CMD [\"a\", 1]", "when using JSON array syntax, arrays must be comprised of strings only");
    fails("COPY [\"a\", null]", "when using JSON array syntax, arrays must be comprised of strings only");
  }

  @Test
  void runFlags() {
    Run r = (Run) one("RUN --network=none --security=insecure --mount=type=cache,target=/root/.cache"
        + " --mount=type=secret,id=tok,required make");
    assertThat(r.network()).isEqualTo("none");
    assertThat(r.security()).isEqualTo("insecure");
    assertThat(r.mounts()).hasSize(2);
    assertThat(r.mounts().get(0).type()).isEqualTo("cache");
    assertThat(r.mounts().get(0).readonly()).isFalse();
    assertThat(r.mounts().get(1).required()).isTrue();
    assertThat(r.shellForm()).isEqualTo("make");
    fails("RUN --network=bridge x", "invalid network mode \"bridge\"");
    fails("RUN --mount x", "missing a value on flag: --mount");
    fails("RUN --mount=type=cache --mount=type=cache,target=/x --network=none --network=host x",
        "duplicate flag specified: --network");
    fails("RUN --from=x y", "unknown flag: --from");
  }

  @Test
  void runHeredocs() {
    Dockerfile df = parse("FROM a\nRUN <<EOF\napt-get update\n\tapt-get install -y x\nEOF\nRUN ls\n");
    Run r = (Run) df.stages().getFirst().instructions().getFirst();
    assertThat(r.shellForm()).isEqualTo("<<EOF");
    assertThat(r.heredocs()).containsExactly(
        new Heredoc("EOF", "apt-get update\n\tapt-get install -y x\n", true, false));
    assertThat(r.shellCommand()).isEqualTo("apt-get update\n\tapt-get install -y x\n");
    assertThat(r.scriptHeredoc()).isNull();
    assertThat(df.stages().getFirst().instructions().get(1).line()).isEqualTo(6);
  }

  @Test
  void runHeredocWithShebangIsAScript() {
    Run r = (Run) one("RUN <<-'PY'\n\t#!/usr/bin/env python3\n\tprint('hi $X')\n\tPY");
    assertThat(r.heredocs().getFirst().expand()).isFalse();
    assertThat(r.heredocs().getFirst().chomp()).isTrue();
    assertThat(r.scriptHeredoc().data()).isEqualTo("#!/usr/bin/env python3\nprint('hi $X')\n");
  }

  @Test
  void runSeveralHeredocsOnOneLine() {
    Run r = (Run) one("RUN python3 <<A && cat <<\"B\" > /f\nprint(1)\nA\nhello\nB");
    assertThat(r.heredocs()).extracting(Heredoc::name).containsExactly("A", "B");
    assertThat(r.heredocs().get(1).expand()).isFalse();
    assertThat(r.shellCommand())
        .isEqualTo("python3 <<A && cat <<\"B\" > /f\nprint(1)\nA\nhello\nB");
  }

  @Test
  void unterminatedHeredoc() {
    assertThatThrownBy(() -> parse("FROM a\nRUN <<EOF\necho\n"))
        .hasMessage("dockerfile parse error on line 2: unterminated heredoc");
  }

  @Test
  void heredocsAreNotLookedForInExecFormOrOtherInstructions() {
    Run r = (Run) one("RUN [\"echo\", \"<<EOF\"]");
    assertThat(r.heredocs()).isEmpty();
    assertThat(((Cmd) one("CMD cat <<EOF")).shellForm()).isEqualTo("cat <<EOF");
  }

  @Test
  void cmdAndEntrypoint() {
    Cmd c = (Cmd) one("CMD [\"python3\", \"app.py\"]");
    assertThat(c.execForm()).containsExactly("python3", "app.py");
    Entrypoint e = (Entrypoint) one("ENTRYPOINT exec python3 -m http.server");
    assertThat(e.shellForm()).isEqualTo("exec python3 -m http.server");
    assertThat(parse("FROM a\nCMD x\n").warnings()).extracting(Warning::rule)
        .containsExactly("JSONArgsRecommended");
  }

  @Test
  void envBothSyntaxes() {
    assertThat(((Env) one("ENV A=1 B=\"two words\" C=a\\ b")).vars()).containsExactly(
        new KeyValue("A", "1"), new KeyValue("B", "\"two words\""), new KeyValue("C", "a\\ b"));
    Dockerfile legacy = parse("FROM a\nENV PATH /usr/local/bin:$PATH  extra\n");
    assertThat(((Env) legacy.stages().getFirst().instructions().getFirst()).vars())
        .containsExactly(new KeyValue("PATH", "/usr/local/bin:$PATH  extra"));
    assertThat(legacy.warnings()).extracting(Warning::rule).containsExactly("LegacyKeyValueFormat");
    assertThat(((Env) one("ENV E=")).vars()).containsExactly(new KeyValue("E", ""));
    fails("ENV", "ENV requires at least one argument");
    fails("ENV A", "ENV must have two arguments");
    fails("ENV A=1 B", "Syntax error - can't find = in \"B\". Must be of the form: name=value");
    fails("ENV =1", "ENV names can not be blank");
  }

  @Test
  void argNamesAndDefaults() {
    Arg a = (Arg) one("ARG A B=2 C=\"x y\"");
    assertThat(a.args()).containsExactly(new KeyValue("A", null), new KeyValue("B", "2"),
        new KeyValue("C", "\"x y\""));
    assertThat(a.name()).isEqualTo("A");
    assertThat(a.defaultValue()).isNull();
    fails("ARG", "ARG requires at least one argument");
    fails("ARG =x", "ARG names can not be blank");
  }

  @Test
  void labels() {
    Label l = (Label) one("LABEL org.opencontainers.image.title=\"My App\" version=1.0");
    assertThat(l.labels()).containsExactly(
        new KeyValue("org.opencontainers.image.title", "\"My App\""), new KeyValue("version", "1.0"));
    assertThat(((Label) one("LABEL maintainer Ligalah Hezron")).labels())
        .containsExactly(new KeyValue("maintainer", "Ligalah Hezron"));
  }

  @Test
  void exposeIsSortedAsDockerDoes() {
    assertThat(((Expose) one("EXPOSE 8080 443/tcp 53/udp")).ports())
        .containsExactly("443/tcp", "53/udp", "8080");
    fails("EXPOSE", "EXPOSE requires at least one argument");
  }

  @Test
  void singleArgumentInstructions() {
    assertThat(((Workdir) one("WORKDIR /app")).path()).isEqualTo("/app");
    assertThat(((User) one("USER app:app")).user()).isEqualTo("app:app");
    assertThat(((Stopsignal) one("STOPSIGNAL SIGINT")).signal()).isEqualTo("SIGINT");
    fails("WORKDIR", "WORKDIR requires exactly one argument");
    fails("USER", "USER requires exactly one argument");
    fails("STOPSIGNAL", "STOPSIGNAL requires exactly one argument");
  }

  @Test
  void maintainerIsDeprecated() {
    Dockerfile df = parse("FROM a\nMAINTAINER Jane <j@x.org>\n");
    assertThat(((Maintainer) df.stages().getFirst().instructions().getFirst()).name())
        .isEqualTo("Jane <j@x.org>");
    assertThat(df.warnings()).containsExactly(new Warning("MaintainerDeprecated",
        "Maintainer instruction is deprecated in favor of using label", 2));
  }

  @Test
  void copyFlagsAndSources() {
    Copy c = (Copy) one("COPY --from=build --chown=app:app --chmod=0755 --link --parents "
        + "--exclude=*.md --exclude=tmp a b* dir/ /dest/");
    assertThat(c.add()).isFalse();
    assertThat(c.sources()).containsExactly("a", "b*", "dir/");
    assertThat(c.dest()).isEqualTo("/dest/");
    assertThat(c.from()).isEqualTo("build");
    assertThat(c.chown()).isEqualTo("app:app");
    assertThat(c.chmod()).isEqualTo("0755");
    assertThat(c.link()).isTrue();
    assertThat(c.parents()).isTrue();
    assertThat(c.excludes()).containsExactly("*.md", "tmp");
    Copy json = (Copy) one("COPY [\"with space.txt\", \"/d st/\"]");
    assertThat(json.sources()).containsExactly("with space.txt");
    assertThat(json.dest()).isEqualTo("/d st/");
    Copy plain = (Copy) one("COPY . .");
    assertThat(plain.from()).isNull();
    assertThat(plain.link()).isFalse();
  }

  @Test
  void addFlags() {
    Copy a = (Copy) one("ADD --checksum=sha256:abc --keep-git-dir=true https://x/y.tgz /opt/");
    assertThat(a.add()).isTrue();
    assertThat(a.checksum()).isEqualTo("sha256:abc");
    assertThat(a.keepGitDir()).isTrue();
    assertThat(a.keyword()).isEqualTo("ADD");
    fails("ADD --from=x a b", "unknown flag: --from");
    fails("COPY --checksum=x a b", "unknown flag: --checksum");
    fails("COPY --link=maybe a b", "expecting boolean value for flag --link, not: maybe");
  }

  @Test
  void copyNeedsADestination() {
    fails("COPY a", "COPY requires at least two arguments, but only one was provided. "
        + "Destination could not be determined");
    fails("ADD", "ADD requires at least two arguments, but only one was provided. "
        + "Destination could not be determined");
  }

  @Test
  void copyHeredocs() {
    Copy c = (Copy) one("COPY <<EOF <<-'RAW' /etc/\nhello $NAME\nEOF\n\tliteral $X\n\tRAW");
    assertThat(c.sources()).isEmpty();
    assertThat(c.heredocs()).containsExactly(new Heredoc("EOF", "hello $NAME\n", true, false),
        new Heredoc("RAW", "\tliteral $X\n", false, true));
    assertThat(c.heredocs().get(1).data()).isEqualTo("literal $X\n");
    fails("COPY a <<EOF\nx\nEOF", "COPY cannot accept a heredoc as a destination");
  }

  @Test
  void volume() {
    assertThat(((Volume) one("VOLUME /data /logs")).paths()).containsExactly("/data", "/logs");
    assertThat(((Volume) one("VOLUME [\"/var/lib/db\"]")).paths()).containsExactly("/var/lib/db");
    fails("VOLUME", "VOLUME requires at least one argument");
    fails("VOLUME [\"\"]", "VOLUME specified can not be an empty string");
  }

  @Test
  void healthcheck() {
    Healthcheck h = (Healthcheck) one("HEALTHCHECK --interval=30s --timeout=10s --start-period=1m30s "
        + "--start-interval=500ms --retries=3 CMD curl -f http://localhost/ || exit 1");
    assertThat(h.test()).containsExactly("CMD-SHELL", "curl -f http://localhost/ || exit 1");
    assertThat(h.interval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(h.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(h.startPeriod()).isEqualTo(Duration.ofSeconds(90));
    assertThat(h.startInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(h.retries()).isEqualTo(3);
    assertThat(h.none()).isFalse();
    Healthcheck exec = (Healthcheck) one("HEALTHCHECK cmd [\"/bin/check\", \"-q\"]");
    assertThat(exec.test()).containsExactly("CMD", "/bin/check", "-q");
    assertThat(exec.interval()).isNull();
    assertThat(exec.retries()).isZero();
    Healthcheck none = (Healthcheck) one("HEALTHCHECK NONE");
    assertThat(none.none()).isTrue();
    assertThat(none.test()).containsExactly("NONE");
  }

  @Test
  void healthcheckErrors() {
    fails("HEALTHCHECK", "HEALTHCHECK requires at least one argument");
    fails("HEALTHCHECK NONE x", "HEALTHCHECK NONE takes no arguments");
    fails("HEALTHCHECK CMD", "Missing command after HEALTHCHECK CMD");
    fails("HEALTHCHECK RUN x", "Unknown type \"RUN\" in HEALTHCHECK (try CMD)");
    fails("HEALTHCHECK --interval=5 CMD x", "time: missing unit in duration \"5\"");
    fails("HEALTHCHECK --interval=1us CMD x", "Interval \"interval\" cannot be less than 1ms");
    fails("HEALTHCHECK --retries=-1 CMD x", "--retries cannot be negative (-1)");
    fails("HEALTHCHECK --retries=x CMD x", "strconv.ParseInt: parsing \"x\": invalid syntax");
    fails("HEALTHCHECK --intervals=30s CMD x", "unknown flag: --intervals (did you mean interval?)");
  }

  @Test
  void shellNeedsJson() {
    assertThat(((Shell) one("SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]")).shell())
        .containsExactly("/bin/bash", "-o", "pipefail", "-c");
    fails("SHELL /bin/bash -c", "SHELL requires the arguments to be in JSON form");
    fails("SHELL []", "SHELL requires at least one argument");
  }

  @Test
  void onbuildTriggers() {
    Onbuild o = (Onbuild) one("ONBUILD COPY --chown=app . /src");
    Copy trigger = (Copy) o.trigger();
    assertThat(trigger.chown()).isEqualTo("app");
    assertThat(trigger.original()).isEqualTo("COPY --chown=app . /src");
    assertThat(o.original()).isEqualTo("ONBUILD COPY --chown=app . /src");
    fails("ONBUILD ONBUILD RUN x", "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
    fails("ONBUILD FROM x", "FROM isn't allowed as an ONBUILD trigger");
    fails("ONBUILD maintainer x", "MAINTAINER isn't allowed as an ONBUILD trigger");
    fails("ONBUILD", "ONBUILD requires at least one argument");
  }

  @Test
  void onbuildWithHeredocKeepsTheBodyInItsExpression() {
    Onbuild o = (Onbuild) one("ONBUILD RUN <<EOF\necho hi\nEOF");
    assertThat(o.trigger().original()).isEqualTo("RUN <<EOF\necho hi\nEOF");
    List<Instruction> again = Dockerfile.parseTriggers(List.of(o.trigger().original(), "ENV A=1"));
    assertThat(((Run) again.get(0)).heredocs().getFirst().content()).isEqualTo("echo hi\n");
    assertThat(again.get(1)).isInstanceOf(Env.class);
    assertThatThrownBy(() -> Dockerfile.parseTriggers(List.of("FROM x")))
        .hasMessage("FROM isn't allowed as an ONBUILD trigger");
  }

  @Test
  void flagsWithQuotesAndEscapes() {
    Copy c = (Copy) one("COPY --chown=\"app user\" a b");
    assertThat(c.chown()).isEqualTo("app user");
    assertThat(((Run) one("RUN -- --not-a-flag")).shellForm()).isEqualTo("--not-a-flag");
  }
}
