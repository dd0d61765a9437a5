package berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExitCodesTest {
  @ParameterizedTest
  @CsvSource(delimiterString = " => ", value = {
      "exec: \"nosuch\": executable file not found in $PATH => 127",
      "exec /bin/x: no such file or directory => 127",
      "exec: \"/etc\": permission denied => 126",
      "exec /etc: is a directory => 126",
      "bridge networking is not available => 125",
      "'' => 125",
  })
  void startErrorsMapLikeDocker(String message, int code) {
    assertThat(ExitCodes.forStartError(message)).isEqualTo(code);
  }
}
