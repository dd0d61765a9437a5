package berth.compose.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.compose.ComposeException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterpolationTest {
  private static final Map<String, String> ENV = Map.of("SET", "value", "EMPTY", "", "PORT", "8080");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "plain | plain",
      "$SET | value",
      "${SET} | value",
      "a${SET}b | avalueb",
      "$SET-x | value-x",
      "${UNSET} | \"\"",
      "${UNSET:-def} | def",
      "${EMPTY:-def} | def",
      "${EMPTY-def} | \"\"",
      "${UNSET-def} | def",
      "${SET:-def} | value",
      "${SET:+alt} | alt",
      "${EMPTY:+alt} | \"\"",
      "${EMPTY+alt} | alt",
      "${UNSET+alt} | \"\"",
      "$$SET | $SET",
      "$${SET} | ${SET}",
      "cost $$5 | cost $5",
      "${UNSET:-${PORT}} | 8080",
      "${UNSET:-${ALSO_UNSET:-deep}} | deep",
      "${SET:?must be set} | value",
      "${EMPTY?must be set} | \"\"",
      "80:${PORT} | 80:8080",
      "trailing $ | trailing $",
  })
  void substitutes(String in, String expected) {
    assertThat(Interpolation.substitute(in, ENV::get, "services.web.image")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "${UNSET:?the port is needed} | error while interpolating services.web.image: required variable UNSET is missing a value: the port is needed",
      "${EMPTY:?} | error while interpolating services.web.image: required variable EMPTY is missing a value",
      "${UNSET?} | error while interpolating services.web.image: required variable UNSET is missing a value",
      "${ | invalid interpolation format for services.web.image: \"${\"",
      "${SET | invalid interpolation format for services.web.image",
      "${1BAD} | invalid interpolation format for services.web.image: \"${1BAD}\"",
      "${SET:x} | invalid interpolation format for services.web.image",
  })
  void refuses(String in, String message) {
    assertThatThrownBy(() -> Interpolation.substitute(in, ENV::get, "services.web.image"))
        .isInstanceOf(ComposeException.class).hasMessageContaining(message);
  }

  @org.junit.jupiter.api.Test
  void dotEnvFiles() {
    String text = """
        # comment
        A=1
        export B = two words # trailing comment
        C='single ${A} kept'
        D="double ${A}\\nline"
        E=${A}-${FROM_SHELL}
        FROM_SHELL
        NOT_IN_SHELL
        EMPTY=
        """;
    Map<String, String> m = DotEnv.parse(text, ".env", Map.of("FROM_SHELL", "sh"));
    assertThat(m).containsExactly(Map.entry("A", "1"), Map.entry("B", "two words"), Map.entry("C", "single ${A} kept"),
        Map.entry("D", "double 1\nline"), Map.entry("E", "1-sh"), Map.entry("FROM_SHELL", "sh"), Map.entry("EMPTY", ""));
    assertThatThrownBy(() -> DotEnv.parse("1BAD=x", "/p/.env", Map.of()))
        .hasMessageContaining("/p/.env").hasMessageContaining("line 1");
  }
}
