package berth.cli.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TemplateTest {
  static final JsonNode DATA = read("""
      {"Id":"abc123","Name":"/web","State":{"Status":"running","Running":true,"Pid":42,"Health":null},
       "Config":{"Labels":{"b":"2","a":"1","com.x":"y"},"Env":["A=1","B=2"],"Cmd":["sh","-c","echo"],"Tty":false},
       "Args":[],"Mounts":[{"Source":"/s","Destination":"/d"}],"Count":3,"Ratio":1.5}
      """);

  static JsonNode read(String s) {
    try {
      return Json.MAPPER.readTree(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String run(String t) {
    return Template.parse(t).execute(DATA);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '\'', ignoreLeadingAndTrailingWhitespace = false, value = {
      "{{.Id}} => abc123",
      "{{.ID}} => abc123",
      "{{.State.Status}} => running",
      "{{.State.Pid}} => 42",
      "{{.State.Running}} => true",
      "{{.State.Health}} => <nil>",
      "{{.Nope}} => <no value>",
      "{{.Config.Labels}} => map[a:1 b:2 com.x:y]",
      "{{.Config.Env}} => [A=1 B=2]",
      "{{json .Config.Cmd}} => [\"sh\",\"-c\",\"echo\"]",
      "{{json .State.Health}} => null",
      "{{index .Config.Labels \"com.x\"}} => y",
      "'{{index .Config.Labels \"missing\"}}' => ''",
      "{{index .Config.Env 1}} => B=2",
      "{{join .Config.Cmd \" \"}} => sh -c echo",
      "{{upper .State.Status}} => RUNNING",
      "{{.State.Status | upper}} => RUNNING",
      "{{lower \"ABC\"}} => abc",
      "{{title \"hello world\"}} => Hello World",
      "{{len .Config.Env}} => 2",
      "{{if .State.Running}}up{{else}}down{{end}} => up",
      "{{if not .State.Running}}up{{else}}down{{end}} => down",
      "{{if eq .State.Status \"exited\"}}x{{else if eq .State.Status \"running\"}}r{{else}}o{{end}} => r",
      "{{range .Config.Env}}[{{.}}]{{end}} => [A=1][B=2]",
      "{{range $k, $v := .Config.Labels}}{{$k}}={{$v}};{{end}} => a=1;b=2;com.x=y;",
      "{{range $i, $e := .Config.Cmd}}{{$i}}:{{$e}} {{end}} => '0:sh 1:-c 2:echo '",
      "{{range .Args}}x{{else}}empty{{end}} => empty",
      "{{range .Mounts}}{{.Source}}:{{.Destination}}{{end}} => /s:/d",
      "{{with .State}}{{.Pid}}{{end}} => 42",
      "{{with .State.Health}}h{{else}}none{{end}} => none",
      "{{$n := .Name}}{{$n}} => /web",
      "{{printf \"%s-%d\" .Id .Count}} => abc123-3",
      "{{printf \"%-8s|\" .Id}} => 'abc123  |'",
      "{{.Ratio}} => 1.5",
      "{{(index .Mounts 0).Source}} => /s",
      "{{split \"a:b:c\" \":\"}} => [a b c]",
      "{{pad .Id 1 2}} => ' abc123  '",
      "{{truncate .Id 3}} => abc",
      "{{and .State.Running .Id}} => abc123",
      "{{or .Nope \"fallback\"}} => fallback",
      "a {{- \" b \" -}} c => a b c",
      "{{/* comment */}}x => x",
      "{{`raw\\n`}} => raw\\n",
      "{{gt .Count 2}} => true",
      "{{$.Id}} => abc123",
  })
  void executes(String template, String expected) {
    assertThat(run(template)).isEqualTo(expected);
  }

  @Test
  void jsonOfEverything() {
    assertThat(run("{{json .State}}")).isEqualTo("{\"Status\":\"running\",\"Running\":true,\"Pid\":42,\"Health\":null}");
  }

  @Test
  void floatsPrintLikeGo() {
    assertThat(Values.formatFloat(1.5)).isEqualTo("1.5");
    assertThat(Values.formatFloat(3.0)).isEqualTo("3");
    assertThat(Values.formatFloat(0.00001)).isEqualTo("1e-05");
    assertThat(Values.formatFloat(1.5e22)).isEqualTo("1.5e+22");
    assertThat(Values.formatFloat(-0.25)).isEqualTo("-0.25");
  }

  @Test
  void printlnAddsANewline() {
    assertThat(run("{{println .Id \"x\"}}")).isEqualTo("abc123 x\n");
  }

  @Test
  void fieldWithArgumentIndexesAMap() {
    JsonNode ctx = read("{\"Label\":{\"k\":\"v\"},\"Labels\":\"k=v\"}");
    assertThat(Template.parse("{{.Label \"k\"}} {{.Labels}}").execute(ctx)).isEqualTo("v k=v");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '\'', ignoreLeadingAndTrailingWhitespace = false, value = {
      "{{nofunc .X}} => function \"nofunc\" not defined",
      "{{if .X}} => unexpected EOF",
      "{{end}} => unexpected {{end}}",
      "{{.X => unclosed action",
      "{{\"abc}} => unterminated quoted string",
      "{{(index .X}} => unclosed left paren",
  })
  void parseErrorsNameTheProblem(String template, String message) {
    assertThatThrownBy(() -> Template.parse(template))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("template: :1:")
        .hasMessageContaining(message);
  }

  @Test
  void executionErrors() {
    assertThatThrownBy(() -> run("{{index .Config.Env 5}}")).hasMessageContaining("index out of range: 5");
    assertThatThrownBy(() -> run("{{.Id.Foo}}")).hasMessageContaining("can't evaluate field Foo");
  }
}
