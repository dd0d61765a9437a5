package berth.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildArgsTest {

  @Test
  void predefinedArgs() {
    assertThat(BuildArgs.PROXY_ARGS).contains("HTTP_PROXY", "https_proxy", "NO_PROXY", "all_proxy");
    assertThat(BuildArgs.PREDEFINED).containsAll(BuildArgs.PROXY_ARGS)
        .contains("TARGETPLATFORM", "BUILDARCH");
  }

  @Test
  void platformArgs() {
    assertThat(BuildArgs.platformArgs("linux/arm/v7", "linux/amd64")).containsExactly(
        Map.entry("TARGETPLATFORM", "linux/arm/v7"), Map.entry("TARGETOS", "linux"),
        Map.entry("TARGETARCH", "arm"), Map.entry("TARGETVARIANT", "v7"),
        Map.entry("BUILDPLATFORM", "linux/amd64"), Map.entry("BUILDOS", "linux"),
        Map.entry("BUILDARCH", "amd64"), Map.entry("BUILDVARIANT", ""));
    assertThat(BuildArgs.hostPlatform()).startsWith("linux/");
  }

  @Test
  void unusedArgsAreSortedAndSkipTheProxies() {
    Map<String, String> given = new LinkedHashMap<>();
    given.put("ZED", "1");
    given.put("USED", "2");
    given.put("HTTP_PROXY", "http://p");
    given.put("ALPHA", "3");
    assertThat(BuildArgs.unused(given, Set.of("USED"))).containsExactly("ALPHA", "ZED");
    assertThat(BuildArgs.unusedWarning(given, Set.of("USED")))
        .isEqualTo("[Warning] One or more build-args [ALPHA ZED] were not consumed");
    assertThat(BuildArgs.unusedWarning(given, Set.of("USED", "ALPHA", "ZED"))).isNull();
  }
}
