package berth.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.api.http.ApiVersion;
import berth.api.http.Filters;
import berth.api.http.FrameWriter;
import berth.core.errors.InvalidArgument;
import berth.engine.Frame;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FiltersAndFramingTest {
  @Test
  void filtersInBothJsonForms() {
    assertThat(Filters.decode("{\"label\":[\"a=1\",\"b\"],\"status\":[\"exited\"]}"))
        .isEqualTo(Map.of("label", List.of("a=1", "b"), "status", List.of("exited")));
    assertThat(Filters.decode("{\"name\":{\"web\":true,\"db\":false}}")).isEqualTo(Map.of("name", List.of("web")));
    assertThat(Filters.decode(null)).isEmpty();
    assertThat(Filters.decode("")).isEmpty();
    assertThat(Filters.decode("{}")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"{bad", "[1,2]", "{\"a\":1}", "\"x\""})
  void badFiltersAre400sNamingTheInput(String json) {
    assertThatThrownBy(() -> Filters.decode(json)).isInstanceOf(InvalidArgument.class).hasMessageContaining(json);
  }

  @Test
  void randomFilterInputNeverEscapesAsAnythingButInvalidArgument() {
    Random rnd = new Random(42);
    String alphabet = "{}[]\":,truefalse ab\\1";
    for (int i = 0; i < 5000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = rnd.nextInt(20); n > 0; n--) {
        sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      try {
        Map<String, List<String>> m = Filters.decode(sb.toString());
        assertThat(m).isNotNull();
      } catch (InvalidArgument expected) {
        assertThat(expected.getMessage()).startsWith("invalid filter");
      }
    }
  }

  @Test
  void multiplexedFramesCarryStreamAndBigEndianLength() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] payload = new byte[300];
    FrameWriter.write(out, new Frame(Frame.Stream.STDERR, payload), false);
    byte[] b = out.toByteArray();
    assertThat(b).hasSize(308);
    assertThat(java.util.Arrays.copyOf(b, 8)).containsExactly(2, 0, 0, 0, 0, 0, 1, 44);
    out.reset();
    FrameWriter.write(out, new Frame(Frame.Stream.STDOUT, "hi".getBytes()), true);
    assertThat(out.toString()).isEqualTo("hi");
  }

  @Test
  void contentTypeFollowsTtyAndVersion() {
    assertThat(FrameWriter.contentType(false, ApiVersion.MAX)).isEqualTo(FrameWriter.MULTIPLEXED);
    assertThat(FrameWriter.contentType(true, ApiVersion.MAX)).isEqualTo(FrameWriter.RAW);
    assertThat(FrameWriter.contentType(false, new ApiVersion(1, 41))).isEqualTo(FrameWriter.RAW);
  }

  @Test
  void versionsInRangeParse() {
    assertThat(ApiVersion.check("1.24")).isEqualTo(ApiVersion.MIN);
    assertThat(ApiVersion.check("1.47")).isEqualTo(ApiVersion.MAX);
    assertThatThrownBy(() -> ApiVersion.check("1.x")).isInstanceOf(InvalidArgument.class);
  }
}
