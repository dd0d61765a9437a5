package berth.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.errors.InvalidArgument;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MountParserTest {
  private final MountParser parser = new MountParser(p -> Set.of(Path.of("/exists")).contains(p));

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // raw | type | name | source | dest | rw | propagation | copy | mode
      "data:/var/lib/mysql|VOLUME|data||/var/lib/mysql|true||true|",
      "data:/d:ro|VOLUME|data||/d|false||true|ro",
      "data:/d:rw,nocopy|VOLUME|data||/d|true||false|rw,nocopy",
      "/host:/c|BIND|||/c|true|rprivate|false|",
      "/host/:/c/../c/:ro,Z|BIND||/host|/c|false|rprivate|false|ro,Z",
      "/host:/c:rshared|BIND||/host|/c|true|rshared|false|rshared",
      "/host:/c:ro,z,slave|BIND||/host|/c|false|slave|false|ro,z,slave",
      "/anon|VOLUME|||/anon|true||true|",
  })
  void parsesBinds(String raw, MountType type, String name, String source, String dest, boolean rw,
      String propagation, boolean copy, String mode) {
    MountPoint mp = parser.parseBind(raw, null);
    assertThat(mp.type()).isEqualTo(type);
    assertThat(mp.name()).isEqualTo(name);
    if (type == MountType.BIND) {
      assertThat(mp.source()).isEqualTo(source == null ? raw.split(":")[0] : source);
    }
    assertThat(mp.destination()).isEqualTo(dest);
    assertThat(mp.rw()).isEqualTo(rw);
    assertThat(mp.propagation()).isEqualTo(propagation == null ? "" : propagation);
    assertThat(mp.copyData()).isEqualTo(copy);
    assertThat(mp.mode()).isEqualTo(mode == null ? "" : mode);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      ":/x|invalid volume specification: ':/x'",
      "/x:rw|invalid volume specification: '/x:rw'",
      "a:/b:ro:extra|invalid volume specification: 'a:/b:ro:extra'",
      "a:/b:rx|invalid mode: rx",
      "a:/b:ro,rw|invalid mode: ro,rw",
      "a:/b:shared,slave|invalid mode: shared,slave",
      "a:/|invalid volume specification: 'a:/': invalid mount config for type \"volume\": invalid specification: destination can't be '/'",
      "a:rel|invalid volume specification: 'a:rel': invalid mount config for type \"volume\": invalid mount path: 'rel' mount path must be absolute",
      "rel|invalid volume specification: 'rel': invalid mount config for type \"volume\": invalid mount path: 'rel' mount path must be absolute",
  })
  void refusesBadBinds(String raw, String message) {
    assertThatThrownBy(() -> parser.parseBind(raw, null))
        .isInstanceOf(InvalidArgument.class).hasMessage(message);
  }

  @Test
  void bindSourceNeedNotExistForBinds() {
    assertThat(parser.parseBind("/missing:/c", null).source()).isEqualTo("/missing");
  }

  @Test
  void volumeDriverAppliesOnlyToVolumes() {
    assertThat(parser.parseBind("v:/c", "local").driver()).isEqualTo("local");
    assertThat(parser.parseBind("/h:/c", "local").driver()).isNull();
  }

  @Test
  void mountBindSourceMustExist() {
    MountSpec spec = new MountSpec(MountType.BIND, "/x", "/c", false, null, null, null);
    assertThatThrownBy(() -> parser.parseMount(spec)).hasMessage(
        "invalid mount config for type \"bind\": bind source path does not exist: /x");
    MountSpec create = new MountSpec(MountType.BIND, "/x", "/c", false,
        new MountSpec.BindOptions(null, false, true), null, null);
    assertThat(parser.parseMount(create).source()).isEqualTo("/x");
    assertThat(parser.parseMount(new MountSpec(MountType.BIND, "/exists", "/c", true, null, null,
        null)).rw()).isFalse();
  }

  @Test
  void mountValidationMessages() {
    assertMountError(new MountSpec(MountType.VOLUME, "v", "", false, null, null, null),
        "invalid mount config for type \"volume\": field Target must not be empty");
    assertMountError(new MountSpec(MountType.TMPFS, "", "/", false, null, null, null),
        "invalid mount config for type \"tmpfs\": invalid specification: destination can't be '/'");
    assertMountError(new MountSpec(MountType.BIND, "", "/c", false, null, null, null),
        "invalid mount config for type \"bind\": field Source must not be empty");
    assertMountError(new MountSpec(MountType.BIND, "rel", "/c", false, null, null, null),
        "invalid mount config for type \"bind\": invalid mount path: 'rel' mount path must be absolute");
    assertMountError(new MountSpec(MountType.BIND, "/exists", "/c", false,
        new MountSpec.BindOptions("bogus", false, false), null, null),
        "invalid mount config for type \"bind\": invalid propagation mode: bogus");
    assertMountError(new MountSpec(MountType.TMPFS, "src", "/c", false, null, null, null),
        "invalid mount config for type \"tmpfs\": field Source must not be specified");
    assertMountError(new MountSpec(MountType.VOLUME, "", "/c", true, null, null, null),
        "invalid mount config for type \"volume\": must not set ReadOnly mode when using anonymous volumes");
    assertMountError(new MountSpec(MountType.VOLUME, "v", "/c", false, null,
        new MountSpec.VolumeOptions(false, null, null, null, "../up"), null),
        "invalid mount config for type \"volume\": subpath must be a relative path within the volume");
    assertMountError(new MountSpec(MountType.VOLUME, "", "/c", false, null,
        new MountSpec.VolumeOptions(false, null, null, null, "a"), null),
        "invalid mount config for type \"volume\": must not set Subpath when using anonymous volumes");
    assertMountError(new MountSpec(MountType.VOLUME, "v", "/c", false,
        new MountSpec.BindOptions(null, false, false), null, null),
        "invalid mount config for type \"volume\": field BindOptions must not be specified");
  }

  @Test
  void volumeMountKeepsSubpathAndNoCopy() {
    MountPoint mp = parser.parseMount(new MountSpec(MountType.VOLUME, "v", "/c/", false, null,
        new MountSpec.VolumeOptions(true, null, "local", null, "a/b"), null));
    assertThat(mp.name()).isEqualTo("v");
    assertThat(mp.destination()).isEqualTo("/c");
    assertThat(mp.copyData()).isFalse();
    assertThat(mp.subpath()).isEqualTo("a/b");
    assertThat(mp.driver()).isEqualTo("local");
  }

  @Test
  void duplicateMountPoints() {
    assertThatThrownBy(() -> MountParser.checkDuplicates(List.of("/x", "/y", "/x/")))
        .isInstanceOf(InvalidArgument.class).hasMessage("Duplicate mount point: /x");
    MountParser.checkDuplicates(List.of("/x", "/x/y"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "c1|c1|rw|false", "c1:ro|c1|ro|true", "c1:rw|c1|rw|false"})
  void volumesFrom(String spec, String id, String mode, boolean ro) {
    MountParser.VolumesFrom vf = parser.parseVolumesFrom(spec);
    assertThat(vf.container()).isEqualTo(id);
    assertThat(vf.mode()).isEqualTo(mode);
    assertThat(vf.readOnly()).isEqualTo(ro);
  }

  @ParameterizedTest
  @CsvSource({"c1:rshared", "c1:nocopy", "c1:bogus"})
  void volumesFromRefusesModes(String spec) {
    assertThatThrownBy(() -> parser.parseVolumesFrom(spec))
        .hasMessage("invalid mode: " + spec.substring(3));
  }

  @Test
  void tmpfsData() {
    assertThat(MountParser.tmpfsData(new MountSpec.TmpfsOptions(64L << 20, 01777, null), true))
        .isEqualTo("ro,mode=1777,size=64m");
    assertThat(MountParser.tmpfsData(new MountSpec.TmpfsOptions(1000, 0,
        List.of(List.of("exec"))), false)).isEqualTo("size=1000,exec");
    assertThatThrownBy(() -> MountParser.tmpfsData(new MountSpec.TmpfsOptions(0, 0,
        List.of(List.of("suid"))), false)).hasMessage("invalid option: suid");
    assertThatThrownBy(() -> parser.validateTmpfsDestination("rel"))
        .hasMessage("invalid mount path: 'rel' mount path must be absolute");
  }

  private void assertMountError(MountSpec spec, String message) {
    assertThatThrownBy(() -> parser.parseMount(spec))
        .isInstanceOf(InvalidArgument.class).hasMessage(message);
  }
}
