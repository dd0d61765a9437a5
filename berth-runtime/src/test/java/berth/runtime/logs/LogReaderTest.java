package berth.runtime.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LogReaderTest {
  @TempDir Path dir;

  private static final String SAMPLE = """
      2026-11-22T10:00:00.000000001+00:00 stdout F one
      2026-11-22T10:00:01.000000000+00:00 stderr P err-
      2026-11-22T10:00:02.000000000+00:00 stdout P par
      2026-11-22T10:00:03.000000000+01:00 stdout P ti
      2026-11-22T10:00:04.000000000+00:00 stderr F joined
      2026-11-22T10:00:05.000000000+00:00 stdout F al
      not a log line
      2026-11-22T10:00:06.500000000Z stdout F last
      """;

  private Path write(String content) throws IOException {
    Path f = dir.resolve("ctr.log");
    Files.writeString(f, content);
    return f;
  }

  private static List<String> texts(List<LogEntry> entries) {
    return entries.stream().map(e -> e.stream() + ":" + new String(e.data(), StandardCharsets.UTF_8)).toList();
  }

  @Test
  void joinsPartialLinesPerStreamAndKeepsOrder() throws IOException {
    List<LogEntry> all = new LogReader(write(SAMPLE)).readAll(LogReader.Options.all());
    assertThat(texts(all)).containsExactly("stdout:one\n", "stderr:err-joined\n", "stdout:partial\n", "stdout:last\n");
    assertThat(all.get(0).timestamp()).isEqualTo(Instant.parse("2026-11-22T10:00:00.000000001Z"));
    // a joined entry carries its first fragment's time; offsets are honoured
    assertThat(all.get(2).timestamp()).isEqualTo(Instant.parse("2026-11-22T10:00:02Z"));
  }

  @Test
  void sinceAndUntilFilter() throws IOException {
    LogReader r = new LogReader(write(SAMPLE));
    assertThat(texts(r.readAll(LogReader.Options.all().since(Instant.parse("2026-11-22T10:00:01Z")))))
        .containsExactly("stderr:err-joined\n", "stdout:partial\n", "stdout:last\n");
    assertThat(texts(r.readAll(LogReader.Options.all().until(Instant.parse("2026-11-22T10:00:02Z")))))
        .containsExactly("stdout:one\n", "stderr:err-joined\n", "stdout:partial\n");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 10})
  void tailKeepsTheLastEntries(int n) throws IOException {
    List<String> all = List.of("stdout:one\n", "stderr:err-joined\n", "stdout:partial\n", "stdout:last\n");
    List<LogEntry> got = new LogReader(write(SAMPLE)).readAll(LogReader.Options.all().tail(n));
    assertThat(texts(got)).isEqualTo(all.subList(Math.max(0, all.size() - n), all.size()));
  }

  @Test
  void tailZeroReadsNothing() throws IOException {
    assertThat(new LogReader(write(SAMPLE)).readAll(LogReader.Options.all().tail(0))).isEmpty();
  }

  @Test
  void tailReadsOnlyTheEndOfALargeFileAcrossChunks() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 20000; i++) {
      sb.append("2026-11-22T10:00:00.000000000+00:00 stdout ").append(i % 3 == 0 ? "P" : "F").append(" line-").append(i).append('\n');
    }
    LogReader r = new LogReader(write(sb.toString()));
    List<LogEntry> got = r.readAll(LogReader.Options.all().tail(3));
    assertThat(texts(got)).containsExactly(
        "stdout:line-19995line-19996\n", "stdout:line-19997\n", "stdout:line-19998line-19999\n");
    assertThat(r.tailStart(3)).isGreaterThan(Files.size(dir.resolve("ctr.log")) - 1000);
  }

  @Test
  void missingFileReadsEmpty() throws IOException {
    assertThat(new LogReader(dir.resolve("none.log")).readAll(LogReader.Options.all().tail(5))).isEmpty();
  }

  @Test
  void incompleteLastLineIsLeftForLater() throws IOException {
    Path f = write("2026-11-22T10:00:00Z stdout F a\n2026-11-22T10:00:01Z stdout F b");
    assertThat(texts(new LogReader(f).readAll(LogReader.Options.all()))).containsExactly("stdout:a\n");
  }

  @Test
  void trailingPartialIsFlushedWhenTheLogIsDone() throws IOException {
    Path f = write("2026-11-22T10:00:00Z stdout P no-newline\n");
    assertThat(texts(new LogReader(f).readAll(LogReader.Options.all()))).containsExactly("stdout:no-newline");
  }

  @Test
  void followReadsNewLinesUntilTheContainerStops() throws Exception {
    Path f = write("2026-11-22T10:00:00Z stdout F first\n");
    AtomicBoolean running = new AtomicBoolean(true);
    List<LogEntry> got = new CopyOnWriteArrayList<>();
    Thread reader = Thread.ofVirtual().start(() -> {
      try {
        new LogReader(f).stream(LogReader.Options.all().follow(true), got::add, running::get);
      } catch (Exception e) {
        throw new RuntimeException(e);
      }
    });
    Thread.sleep(250);
    Files.writeString(f, "2026-11-22T10:00:01Z stderr F second\n2026-11-22T10:00:02Z stdout F thi", StandardOpenOption.APPEND);
    Thread.sleep(250);
    Files.writeString(f, "rd\n", StandardOpenOption.APPEND);
    Thread.sleep(250);
    running.set(false);
    reader.join(2000);
    assertThat(reader.isAlive()).isFalse();
    assertThat(texts(got)).containsExactly("stdout:first\n", "stderr:second\n", "stdout:third\n");
  }

  @Test
  void followStopsWhenTheSinkSaysSo() throws Exception {
    Path f = write(SAMPLE);
    List<LogEntry> got = new CopyOnWriteArrayList<>();
    new LogReader(f).stream(LogReader.Options.all().follow(true), e -> got.add(e) && got.size() < 2, () -> true);
    assertThat(got).hasSize(2);
  }

  @Test
  void rendersDockerTimestamps() {
    LogEntry e = new LogEntry(LogEntry.Stream.STDOUT, Instant.parse("2026-11-22T10:00:00.5Z"), "x\n".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(e.render(true), StandardCharsets.UTF_8)).isEqualTo("2026-11-22T10:00:00.500000000Z x\n");
    assertThat(new String(e.render(false), StandardCharsets.UTF_8)).isEqualTo("x\n");
  }
}
