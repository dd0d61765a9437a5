package berth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTreesTest {
  @Test
  void roundTripsEveryKindOfValue() {
    String json = "{\"s\":\"a\\\"b\\u00e9\",\"i\":1,\"l\":12345678901,\"big\":123456789012345678901234567890,"
        + "\"d\":1.5,\"t\":true,\"f\":false,\"n\":null,\"a\":[1,[],{}],\"o\":{\"x\":{}}}";
    JsonNode n = JsonTrees.parse(json.getBytes(StandardCharsets.UTF_8));
    assertThat(n.path("s").asText()).isEqualTo("a\"bé");
    assertThat(n.path("l").asLong()).isEqualTo(12345678901L);
    assertThat(n.path("big").bigIntegerValue().toString()).isEqualTo("123456789012345678901234567890");
    assertThat(n.path("n").isNull()).isTrue();
    assertThat(JsonTrees.writeString(n)).isEqualTo(json.replace("\\u00e9", "é"));
  }

  @Test
  void streamsConcatenatedValues() {
    byte[] in = "{\"a\":1}\n{\"a\":2}{\"a\":3}\n".getBytes(StandardCharsets.UTF_8);
    List<Integer> got = new ArrayList<>();
    JsonTrees.values(new ByteArrayInputStream(in)).forEachRemaining(v -> got.add(v.path("a").asInt()));
    assertThat(got).containsExactly(1, 2, 3);
  }

  @Test
  void writesPlainJavaValues() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("filters", Map.of("status", List.of("running")));
    m.put("n", 3L);
    m.put("nil", null);
    assertThat(JsonTrees.writeString(m)).isEqualTo("{\"filters\":{\"status\":[\"running\"]},\"n\":3,\"nil\":null}");
  }

  @Test
  void emptyAndMalformedInput() {
    assertThat(JsonTrees.parse(new byte[0]).isMissingNode()).isTrue();
    assertThatThrownBy(() -> JsonTrees.parse("{\"a\":".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UncheckedIOException.class).hasMessageContaining("malformed JSON");
  }
}
