package berth.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.InvalidArgument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignalsTest {
  @ParameterizedTest
  @CsvSource({"SIGTERM,15", "TERM,15", "term,15", "15,15", "SIGKILL,9", "kill,9", "SIGHUP,1", "USR1,10",
      "SIGRTMIN,34", "SIGRTMIN+3,37", "RTMAX-2,62", "SIGRTMAX,64", "IOT,6", "CLD,17", "POLL,29", "64,64"})
  void parses(String raw, int expected) {
    assertThat(Signals.parse(raw)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65", "-1", "FOO", "SIG", "SIGRTMIN+16", "", " ", "99999999999"})
  void rejectsWithDockersMessage(String raw) {
    assertThatThrownBy(() -> Signals.parse(raw)).isInstanceOf(InvalidArgument.class).hasMessage("Invalid signal: " + raw);
  }

  @ParameterizedTest
  @CsvSource({"15,SIGTERM", "9,SIGKILL", "37,SIGRTMIN+3", "62,SIGRTMAX-2", "64,SIGRTMAX", "6,SIGABRT", "17,SIGCHLD"})
  void namesBack(int signal, String name) {
    assertThat(Signals.name(signal)).isEqualTo(name);
    assertThat(Signals.parse(name)).isEqualTo(signal);
  }
}
