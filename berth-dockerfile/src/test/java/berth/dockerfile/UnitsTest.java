package berth.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {

  @Test
  void goDurations() {
    assertThat(Units.parseDuration("0")).isEqualTo(Duration.ZERO);
    assertThat(Units.parseDuration("1h2m3s")).isEqualTo(Duration.ofSeconds(3723));
    assertThat(Units.parseDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Units.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Units.parseDuration("10us")).isEqualTo(Duration.ofNanos(10_000));
    assertThat(Units.parseDuration(".5m")).isEqualTo(Duration.ofSeconds(30));
    assertThatThrownBy(() -> Units.parseDuration("10")).hasMessage("time: missing unit in duration \"10\"");
    assertThatThrownBy(() -> Units.parseDuration("3d"))
        .hasMessage("time: unknown unit \"d\" in duration \"3d\"");
    assertThatThrownBy(() -> Units.parseDuration("")).hasMessage("time: invalid duration \"\"");
  }

  @Test
  void byteSizes() {
    assertThat(Units.parseBytes("512")).isEqualTo(512);
    assertThat(Units.parseBytes("64m")).isEqualTo(64L << 20);
    assertThat(Units.parseBytes("1.5g")).isEqualTo(3L << 29);
    assertThat(Units.parseBytes("10KiB")).isEqualTo(10240);
    assertThatThrownBy(() -> Units.parseBytes("lots")).hasMessage("invalid size: 'lots'");
  }
}
