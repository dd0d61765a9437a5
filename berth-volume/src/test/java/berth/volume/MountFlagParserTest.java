package berth.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MountFlagParserTest {
  @Test
  void volumeWithAllOptions() {
    MountSpec m = MountFlagParser.parseMountFlag(
        "type=volume,src=data,dst=/d,readonly,volume-nocopy,volume-subpath=sub,"
            + "volume-driver=local,volume-label=a=b,volume-opt=type=tmpfs,\"volume-opt=o=size=1m,uid=1\"");
    assertThat(m.type()).isEqualTo(MountType.VOLUME);
    assertThat(m.source()).isEqualTo("data");
    assertThat(m.target()).isEqualTo("/d");
    assertThat(m.readOnly()).isTrue();
    assertThat(m.volumeOptions().noCopy()).isTrue();
    assertThat(m.volumeOptions().subpath()).isEqualTo("sub");
    assertThat(m.volumeOptions().driverName()).isEqualTo("local");
    assertThat(m.volumeOptions().labels()).containsExactly(Map.entry("a", "b"));
    assertThat(m.volumeOptions().driverOptions())
        .containsEntry("type", "tmpfs").containsEntry("o", "size=1m,uid=1");
  }

  @Test
  void bindAndTmpfs() {
    MountSpec b = MountFlagParser.parseMountFlag(
        "type=bind,source=/h,destination=/c,bind-propagation=rslave,bind-recursive=disabled,ro=true");
    assertThat(b.bindOptions().propagation()).isEqualTo("rslave");
    assertThat(b.bindOptions().nonRecursive()).isTrue();
    assertThat(b.readOnly()).isTrue();
    MountSpec t = MountFlagParser.parseMountFlag("type=tmpfs,dst=/t,tmpfs-size=64m,tmpfs-mode=1770");
    assertThat(t.tmpfsOptions().sizeBytes()).isEqualTo(64L << 20);
    assertThat(t.tmpfsOptions().mode()).isEqualTo(01770);
    assertThat(MountFlagParser.parseMountFlag("dst=/x").type()).isEqualTo(MountType.VOLUME);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "type=volume,src|invalid field 'src' must be a key=value pair",
      "type=volume,dst=/x,foo=bar|unexpected key 'foo' in 'foo=bar'",
      "type=volume,src=a|target is required",
      "type=weird,dst=/x|invalid mount config for type \"weird\": mount type unknown",
      "type=bind,src=/a,dst=/x,volume-nocopy|cannot mix 'volume-*' options with mount type 'bind'",
      "type=volume,dst=/x,tmpfs-size=1m|cannot mix 'tmpfs-*' options with mount type 'volume'",
      "type=tmpfs,dst=/x,tmpfs-size=lots|invalid value for tmpfs-size: lots",
      "type=volume,dst=/x,readonly=maybe|invalid value for readonly: maybe",
  })
  void refusesBadFlags(String value, String message) {
    assertThatThrownBy(() -> MountFlagParser.parseMountFlag(value)).hasMessage(message);
  }

  @Test
  void tmpfsFlag() {
    assertThat(MountFlagParser.parseTmpfsFlag("/run:size=1m,exec"))
        .isEqualTo(Map.entry("/run", "size=1m,exec"));
    assertThat(MountFlagParser.parseTmpfsFlag("/run")).isEqualTo(Map.entry("/run", ""));
  }
}
