package berth.registry.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {
  @ParameterizedTest
  @ValueSource(strings = {"busybox", "library/busybox", "a/b/c", "my-app", "my__app", "my.app", "a1", "x---y"})
  void validNames(String n) {
    assertThat(Names.validName(n)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Busybox", "a//b", "/a", "a/", "../etc", "a/../b", "-a", "a-", "a_-b", "a b", "_manifests"})
  void invalidNamesSayWhich(String n) {
    assertThat(Names.validName(n)).isFalse();
    assertThatThrownBy(() -> Names.name(n)).isInstanceOf(RegistryException.class).hasMessageContaining(n)
        .extracting(e -> ((RegistryException) e).code()).isEqualTo(ErrorCode.NAME_INVALID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"latest", "v1.2.3", "_x", "A-b_c.d"})
  void validTags(String t) {
    assertThat(Names.validTag(t)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ".x", "-x", "a:b", "a/b", ".."})
  void invalidTags(String t) {
    assertThat(Names.validTag(t)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void longNamesAndTagsAreRefused() {
    assertThat(Names.validName("a".repeat(256))).isFalse();
    assertThat(Names.validTag("a".repeat(129))).isFalse();
    assertThat(Names.validTag("a".repeat(128))).isTrue();
  }
}
