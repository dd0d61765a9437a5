package berth.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import berth.core.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatTest {
  static JsonNode json(String s) throws Exception {
    return Json.MAPPER.readTree(s);
  }

  @Test
  void emptyPsTableMatchesDocker() {
    String out = OutputFormat.of(null, ContainerRows.DEFAULT_TABLE).render(ContainerRows.header(), List.of());
    assertThat(out).isEqualTo("CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n");
  }

  @Test
  void psRowsAlignAndTruncate() throws Exception {
    long now = 1_700_000_100_000L;
    JsonNode c = json("""
        {"Id":"4f66ad9a0b2e7d1c5e1f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f","Names":["/web","/other/alias"],
         "Image":"busybox:latest","ImageID":"sha256:aaa","Command":"sh -c 'while true; do sleep 1; done'",
         "Created":1700000097,"State":"running","Status":"Up 2 seconds","Ports":[],
         "Labels":{"b":"2","a":"1"}}
        """);
    Map<String, Object> row = ContainerRows.row(c, true, now);
    String out = OutputFormat.of(null, ContainerRows.DEFAULT_TABLE).render(ContainerRows.header(), List.of(row));
    assertThat(out).isEqualTo(
        "CONTAINER ID   IMAGE            COMMAND                  CREATED         STATUS         PORTS     NAMES\n"
      + "4f66ad9a0b2e   busybox:latest   \"sh -c 'while true; …\"   3 seconds ago   Up 2 seconds             web\n");
    assertThat(OutputFormat.of("{{.Names}} {{.Labels}} {{.Label \"b\"}}", "").render(ContainerRows.header(), List.of(row)))
        .isEqualTo("web a=1,b=2 2\n");
    assertThat(OutputFormat.of("table {{.ID}}\\t{{.State}}", "").render(ContainerRows.header(), List.of(row)))
        .isEqualTo("CONTAINER ID   STATE\n4f66ad9a0b2e   running\n");
    assertThat(OutputFormat.of("json", "").render(ContainerRows.header(), List.of(row)))
        .startsWith("{\"Command\":\"\\\"sh -c 'while true; …\\\"\",\"CreatedAt\":").doesNotContain("\"Label\"");
  }

  @Test
  void imagesTable() throws Exception {
    JsonNode img = json("""
        {"Id":"sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef",
         "RepoTags":["busybox:latest","busybox:1.36"],"Created":1699992900,"Size":4264000}
        """);
    List<Map<String, Object>> rows = ImageRows.rows(img, true, 1_700_000_100_000L);
    String out = OutputFormat.of(null, ImageRows.DEFAULT_TABLE).render(ImageRows.header(), rows);
    assertThat(out).isEqualTo(
        "REPOSITORY   TAG       IMAGE ID       CREATED       SIZE\n"
      + "busybox      latest    1234567890ab   2 hours ago   4.26MB\n"
      + "busybox      1.36      1234567890ab   2 hours ago   4.26MB\n");
  }

  @Test
  void tabwriterLastCellIsNotPadded() {
    assertThat(TabWriter.docker().format("a\tbb\tc\nlonger-cell\tx\ty\n"))
        .isEqualTo("a             bb        c\nlonger-cell   x         y\n");
  }

  @ParameterizedTest
  @CsvSource({
      "0, 0B", "999, 999B", "1000, 1kB", "4264000, 4.26MB", "123456789, 123MB", "1500000000, 1.5GB", "999500, 1e+03kB"})
  void humanSizePrecision3(long bytes, String want) {
    assertThat(Units.humanSize(bytes, 3)).isEqualTo(want);
  }

  @ParameterizedTest
  @CsvSource({"1024, 1KiB", "1572864, 1.5MiB", "2087354368, 1.944GiB", "500, 500B"})
  void bytesSize(long bytes, String want) {
    assertThat(Units.bytesSize(bytes)).isEqualTo(want);
  }

  @ParameterizedTest
  @CsvSource({"512m, 536870912", "1g, 1073741824", "1.5g, 1610612736", "100, 100", "64k, 65536", "2GB, 2147483648", "10 MiB, 10485760"})
  void ramInBytes(String in, long want) {
    assertThat(Units.ramInBytes(in)).isEqualTo(want);
  }

  @Test
  void ramInBytesErrorsLikeDocker() {
    assertThatThrownBy(() -> Units.ramInBytes("12x")).hasMessage("invalid suffix: 'x'");
    assertThatThrownBy(() -> Units.ramInBytes("abc")).hasMessage("invalid size: 'abc'");
    assertThatThrownBy(() -> Units.ramInBytes("10kbb")).hasMessage("invalid suffix: 'kbb'");
    assertThatThrownBy(() -> Units.ramInBytes("-1")).hasMessage("invalid size: '-1'");
  }

  @ParameterizedTest
  @CsvSource({"10s, 10000000000", "1m30s, 90000000000", "1.5h, 5400000000000", "300ms, 300000000", "0, 0", "2h45m, 9900000000000"})
  void goDurations(String in, long nanos) {
    assertThat(Durations.parseNanos(in)).isEqualTo(nanos);
  }

  @Test
  void goDurationErrors() {
    assertThatThrownBy(() -> Durations.parseNanos("xyz")).hasMessage("time: invalid duration \"xyz\"");
    assertThatThrownBy(() -> Durations.parseNanos("10")).hasMessage("time: missing unit in duration \"10\"");
    assertThatThrownBy(() -> Durations.parseNanos("10y")).hasMessage("time: unknown unit \"y\" in duration \"10y\"");
  }

  @ParameterizedTest
  @CsvSource({"0, Less than a second", "1, 1 second", "3, 3 seconds", "59, 59 seconds", "60, About a minute",
      "119, About a minute", "120, 2 minutes", "3599, 59 minutes", "3600, About an hour", "7200, 2 hours",
      "172800, 2 days", "1209600, 2 weeks", "5184000, 2 months", "63072000, 2 years"})
  void humanDurations(long seconds, String want) {
    assertThat(Durations.human(Duration.ofSeconds(seconds))).isEqualTo(want);
  }

  @Test
  void inspectJsonIsIndentedLikeGo() throws Exception {
    JsonNode n = json("[{\"Id\":\"x\",\"Args\":[],\"Config\":{},\"Env\":[\"A=1\"],\"N\":3,\"Null\":null}]");
    assertThat(JsonIndent.indent(n)).isEqualTo("""
        [
            {
                "Id": "x",
                "Args": [],
                "Config": {},
                "Env": [
                    "A=1"
                ],
                "N": 3,
                "Null": null
            }
        ]""");
  }

  @Test
  void goQuoteAndEllipsis() {
    assertThat(Text.quote("a\"b\n")).isEqualTo("\"a\\\"b\\n\"");
    assertThat(Text.ellipsis("12345", 5)).isEqualTo("12345");
    assertThat(Text.ellipsis("123456", 5)).isEqualTo("1234…");
    assertThat(Text.shortId("sha256:0123456789abcdef")).isEqualTo("0123456789ab");
  }
}
