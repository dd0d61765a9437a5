package berth.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GoFormatTest {
  @Test
  void quotesListsAsGoDoes() {
    assertThat(GoFormat.quoteList(List.of("sh", "-c", "echo \"hi\"\n"))).isEqualTo("[\"sh\" \"-c\" \"echo \\\"hi\\\"\\n\"]");
    assertThat(GoFormat.quoteList(null)).isEqualTo("[]");
    assertThat(GoFormat.list(List.of("/bin/bash", "-c"))).isEqualTo("[/bin/bash -c]");
  }

  @ParameterizedTest
  @CsvSource(quoteCharacter = '"', value = {"0,'\\x00'", "3,'\\x03'", "65,'A'", "10,'\\n'"})
  void quotesRunes(int c, String want) {
    assertThat(GoFormat.quoteRune(c)).isEqualTo(want);
  }

  @ParameterizedTest
  @CsvSource({"0,0s", "1000000000,1s", "1500000000,1.5s", "300000000000,5m0s", "3600000000000,1h0m0s",
      "300000000,300ms", "90000000000,1m30s"})
  void formatsDurationsAsGoDoes(long nanos, String want) {
    assertThat(GoFormat.duration(nanos)).isEqualTo(want);
  }
}
