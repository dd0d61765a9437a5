package berth.cli.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StatusLinesTest {
  private static String run(boolean tty) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    StatusLines s = new StatusLines(new PrintStream(buf, true, StandardCharsets.UTF_8), tty);
    s.event("Network", "x_default", "Creating", false);
    s.event("Network", "x_default", "Created", true);
    s.event("Container", "x-web-1", "Starting", false);
    s.event("Container", "x-web-1", "Started", true);
    s.event("Container", "x-db-1", "Error", true);
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void plainPrintsEveryStepAsComposeDoes() {
    assertThat(run(false)).isEqualTo(" Network x_default  Creating\n Network x_default  Created\n"
        + " Container x-web-1  Starting\n Container x-web-1  Started\n Container x-db-1  Error\n");
  }

  @Test
  void aTerminalGetsTheFinishedStepsWithMarks() {
    assertThat(run(true).replaceAll("\u001b\\[[0-9;]*m", "")).isEqualTo(
        " ✔ Network x_default  Created\n ✔ Container x-web-1  Started\n ✘ Container x-db-1  Error\n");
  }
}
